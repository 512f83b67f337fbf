package dev.silkway.storefront.fulfilment;

import dev.silkway.storefront.admin.AuditLog;
import dev.silkway.storefront.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff (OPERATOR, ADMIN): parcels measured heavier or lighter than quoted beyond the tolerance, and the decision to
 * CHARGE the shopper the difference or ABSORB it, recorded with its note and written to the audit log.
 */
@RestController
@Validated
@RequestMapping("/api/v1/admin/fulfilment/weight-differences")
class WeightDifferencesController {

    enum Status {
        OPEN,
        CHARGE,
        ABSORB
    }

    enum Decision {
        CHARGE,
        ABSORB
    }

    record DecisionRequest(
            @NotNull Decision decision,
            @Nullable @Size(max = 2000) String note) {}

    private final WeightDifferences differences;
    private final AuditLog audit;
    private final Clock clock;

    WeightDifferencesController(WeightDifferences differences, AuditLog audit, Clock clock) {
        this.differences = differences;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Parcels measured heavier or lighter than quoted beyond the tolerance")
    @GetMapping
    WeightDifferences.Page list(
            @RequestParam(required = false) @Nullable Status status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return differences.list(status == null ? null : status.name(), page, size);
    }

    @Operation(summary = "Decide a weight difference: CHARGE the shopper or ABSORB it (audited)")
    @PostMapping("/{id}/decision")
    @Transactional
    WeightDifferences.Difference decide(
            @AuthenticationPrincipal Jwt jwt,
            HttpServletRequest http,
            @PathVariable UUID id,
            @Valid @RequestBody DecisionRequest request) {
        var difference = differences.lock(id).orElseThrow(() -> NotFound.of("weight difference"));
        if (!"OPEN".equals(difference.status())) {
            throw FulfilmentProblems.AlreadyDecided.as(difference.status());
        }
        var roles = jwt.getClaimAsStringList("roles");
        var actor = AuditLog.Actor.of(jwt, roles != null && roles.contains("ADMIN") ? "ADMIN" : "OPERATOR", http);
        differences.decide(id, request.decision().name(), request.note(), actor.id(), clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decision", request.decision().name());
        details.put("orderId", difference.orderId().toString());
        details.put("quotedGrams", difference.quotedGrams());
        details.put("measuredGrams", difference.measuredGrams());
        audit.record(actor, "WEIGHT_DIFFERENCE_DECIDED", "weight_difference", id.toString(), details);
        return differences.byId(id).orElseThrow();
    }
}
