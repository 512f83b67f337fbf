package dev.silkway.storefront.payment;

import dev.silkway.storefront.admin.AuditLog;
import dev.silkway.storefront.order.OrderSource;
import dev.silkway.storefront.web.ValidationFailed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/orders/{id}/refunds {lines:[{lineId, quantity}] | amount (kopecks), reason}}
 * (OPERATOR, ADMIN): refunds lines' units or an amount, within what is left, audited in the same
 * transaction; the refunds are sent to the provider once it commits.
 */
@RestController
@Tag(name = "Payments")
class AdminRefundsController {

    private final ProviderRefunds refunds;
    private final AuditLog audit;

    AdminRefundsController(ProviderRefunds refunds, AuditLog audit) {
        this.refunds = refunds;
        this.audit = audit;
    }

    @PostMapping("/api/v1/admin/orders/{id}/refunds")
    @Operation(
            summary = "Refund lines' units or an amount of an order (OPERATOR, ADMIN; audited)",
            description = "Either lines [{lineId, quantity}] or amount (kopecks), with a reason. Cut to what is"
                    + " left to refund; 409 nothing-to-refund when nothing is. Sent to the provider after commit.")
    @Transactional
    Started refund(
            @AuthenticationPrincipal Jwt jwt,
            HttpServletRequest http,
            @PathVariable UUID id,
            @Valid @RequestBody RefundRequestBody request) {
        boolean byLines = request.lines() != null && !request.lines().isEmpty();
        if (byLines == (request.amount() != null)) {
            throw ValidationFailed.field("lines", "give either lines or amount");
        }
        var actor = AuditLog.Actor.staff(jwt, http);
        List<Refunds.RefundStarted> started = new ArrayList<>();
        if (byLines) {
            for (LineRefund line : request.lines()) {
                started.addAll(refunds.refundLine(
                        id, line.lineId(), line.quantity(), request.reason(), OrderSource.OPERATOR, actor.id()));
            }
        } else {
            started.addAll(
                    refunds.refundAmount(id, request.amount(), request.reason(), OrderSource.OPERATOR, actor.id()));
        }
        if (started.isEmpty()) {
            throw PaymentProblems.NothingToRefund.left();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", request.reason());
        details.put(
                "amount",
                started.stream().mapToLong(Refunds.RefundStarted::amountMinor).sum());
        details.put(
                "refunds", started.stream().map(s -> s.refundId().toString()).toList());
        audit.record(actor, "ORDER_REFUNDED", "order", id.toString(), details);
        return new Started(started);
    }

    record LineRefund(
            @NotNull Long lineId, @Min(1) @Max(999) int quantity) {}

    record RefundRequestBody(
            @Nullable @Size(max = 100) List<@Valid LineRefund> lines,
            @Nullable @Positive Long amount,
            @NotBlank @Size(max = 1000) String reason) {}

    record Started(List<Refunds.RefundStarted> refunds) {}
}
