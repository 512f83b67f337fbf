package dev.silkway.storefront.payment;

import dev.silkway.storefront.admin.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of money that does not add up: {@code GET /api/v1/admin/payments/mismatches} (the last
 * reconciliation's findings and the flagged webhook events: amount mismatch, unknown payment, paid too
 * late, paid twice) and {@code POST /api/v1/admin/payments/reconciliations} (a reconciliation now, audited).
 */
@RestController
@Tag(name = "Payments")
class AdminPaymentsController {

    private static final int LIMIT = 500;

    private final Reconciliation reconciliation;
    private final WebhookEvents events;
    private final AuditLog audit;

    AdminPaymentsController(Reconciliation reconciliation, WebhookEvents events, AuditLog audit) {
        this.reconciliation = reconciliation;
        this.events = events;
        this.audit = audit;
    }

    record Mismatches(List<Reconciliation.Mismatch> mismatches, List<WebhookEvents.Flagged> flaggedEvents) {}

    @GetMapping("/api/v1/admin/payments/mismatches")
    @Operation(
            summary = "List payment mismatches and flagged webhook events (OPERATOR, ADMIN)",
            description = "The last reconciliation's findings per provider (MISSING_HERE, MISSING_AT_PROVIDER,"
                    + " STATUS_DIFFERS, AMOUNT_DIFFERS, REFUND_DIFFERS) and webhook events flagged AMOUNT_MISMATCH,"
                    + " UNKNOWN_PAYMENT, PAID_TOO_LATE or DUPLICATE_PAYMENT.")
    Mismatches mismatches() {
        return new Mismatches(reconciliation.mismatches(LIMIT), events.flagged(LIMIT));
    }

    @PostMapping("/api/v1/admin/payments/reconciliations")
    @Operation(summary = "Reconcile every provider's payments with ours now (OPERATOR, ADMIN; audited)")
    Reconciliation.Run reconcile(@AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
        Reconciliation.Run run = reconciliation.run();
        audit.record(
                AuditLog.Actor.staff(jwt, http),
                "PAYMENTS_RECONCILED",
                null,
                null,
                Map.of("from", run.from().toString(), "to", run.to().toString(), "mismatches", run.mismatches()));
        return run;
    }
}
