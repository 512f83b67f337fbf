package dev.silkway.storefront.delivery;

import dev.silkway.storefront.admin.AuditLog;
import dev.silkway.storefront.web.NotFound;
import dev.silkway.storefront.web.ValidationFailed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin: the delivery lines ({@code PUT} writes every line given; a line left out stays as it is,
 * {@code enabled: false} withdraws one) and the per-category default weights and sizes. Audited.
 */
@RestController
@RequestMapping("/api/v1/admin")
class DeliveryAdminController {

    private final DeliveryLines lines;
    private final ShippingDefaults defaults;
    private final AuditLog audit;

    DeliveryAdminController(DeliveryLines lines, ShippingDefaults defaults, AuditLog audit) {
        this.lines = lines;
        this.defaults = defaults;
        this.audit = audit;
    }

    @GetMapping("/delivery-lines")
    List<DeliveryLineForm> lines() {
        return lines.all().stream().map(DeliveryLineForm::of).toList();
    }

    @PutMapping("/delivery-lines")
    @Transactional
    List<DeliveryLineForm> replace(
            @AuthenticationPrincipal Jwt jwt,
            HttpServletRequest http,
            @RequestBody @NotEmpty @Size(max = 3) List<@Valid @NotNull DeliveryLineForm> forms) {
        List<Map<String, String>> errors = new ArrayList<>();
        var methods = new HashSet<DeliveryMethod>();
        for (int i = 0; i < forms.size(); i++) {
            DeliveryLineForm form = forms.get(i);
            if (form.etaMaxDays() < form.etaMinDays()) {
                errors.add(Map.of("field", "[" + i + "].etaMaxDays", "message", "must not be below etaMinDays"));
            }
            if (!methods.add(form.method())) {
                errors.add(Map.of("field", "[" + i + "].method", "message", "is given twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ValidationFailed.fields(errors);
        }
        var actor = AuditLog.Actor.of(jwt, "ADMIN", http);
        for (DeliveryLineForm form : forms) {
            lines.save(form.toLine(), actor.id());
            audit.record(
                    actor,
                    "DELIVERY_LINE_CHANGED",
                    "delivery_line",
                    form.method().name(),
                    Map.of("enabled", form.enabled(), "countries", form.countries()));
        }
        return lines();
    }

    @GetMapping("/shipping-defaults")
    List<ShippingDefaults.Default> shippingDefaults() {
        return defaults.all();
    }

    @PutMapping("/shipping-defaults/{category}")
    @Transactional
    ShippingDefaults.Default setShippingDefaults(
            @AuthenticationPrincipal Jwt jwt,
            HttpServletRequest http,
            @PathVariable String category,
            @Valid @RequestBody SizeAndWeight body) {
        var actor = AuditLog.Actor.of(jwt, "ADMIN", http);
        var value = new ShippingDefaults.Default(
                category, body.weightGrams(), body.lengthMm(), body.widthMm(), body.heightMm());
        if (!defaults.save(value, actor.id())) {
            throw NotFound.of("category");
        }
        audit.record(actor, "SHIPPING_DEFAULTS_CHANGED", "category", category, Map.of());
        return value;
    }

    record SizeAndWeight(
            @NotNull @Min(1) @Max(1_000_000) Integer weightGrams,
            @NotNull @Min(1) @Max(10_000) Integer lengthMm,
            @NotNull @Min(1) @Max(10_000) Integer widthMm,
            @NotNull @Min(1) @Max(10_000) Integer heightMm) {}
}
