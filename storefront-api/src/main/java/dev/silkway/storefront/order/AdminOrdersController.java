package dev.silkway.storefront.order;

import dev.silkway.storefront.admin.AuditLog;
import dev.silkway.storefront.web.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Staff (OPERATOR, ADMIN): every order, and the manual moves, each written to the audit log. */
@RestController
@RequestMapping("/api/v1/admin/orders")
class AdminOrdersController {

    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final AuditLog audit;
    private final OrderPayments payments;
    private final ObjectMapper json;

    AdminOrdersController(
            Orders orders, OrderLifecycle lifecycle, AuditLog audit, OrderPayments payments, ObjectMapper json) {
        this.orders = orders;
        this.payments = payments;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.json = json;
    }

    @GetMapping
    Page list(
            @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(required = false) @Size(max = 64) @Nullable String q,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        var found = orders.search(status, q, from, to, page, size);
        return new Page(found.items().stream().map(OrderView::summary).toList(), found.total());
    }

    @GetMapping("/{id}")
    OrderView order(@PathVariable UUID id) {
        return OrderView.detail(orders.byId(id).orElseThrow(() -> NotFound.of("order")), orders, payments, json);
    }

    @PostMapping("/{id}/transitions")
    @Transactional
    OrderView move(
            @AuthenticationPrincipal Jwt jwt,
            HttpServletRequest http,
            @PathVariable UUID id,
            @Valid @RequestBody TransitionRequest request) {
        var actor = AuditLog.Actor.staff(jwt, http);
        lifecycle.move(id, request.to(), OrderSource.OPERATOR, actor.id(), request.note());
        audit.record(
                actor,
                "ORDER_TRANSITIONED",
                "order",
                id.toString(),
                Map.of("to", request.to().name()));
        return order(id);
    }

    record TransitionRequest(
            @NotNull OrderStatus to,
            @Nullable @Size(max = 2000) String note) {}

    record Page(List<OrderView> items, long total) {}
}
