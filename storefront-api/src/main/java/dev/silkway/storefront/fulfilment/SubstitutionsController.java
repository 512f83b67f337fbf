package dev.silkway.storefront.fulfilment;

import dev.silkway.storefront.money.Money;
import dev.silkway.storefront.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shopper's answers to substitutes offered for lines sold out after payment: list, accept (the substitute is
 * bought), decline (the line is refunded). Another shopper's order is a 404; an answered or expired offer a 409.
 */
@RestController
@RequestMapping("/api/v1/orders/{orderId}/substitutions")
class SubstitutionsController {

    private final FulfilmentOrders orders;
    private final Substitutions substitutions;
    private final Offers offers;

    SubstitutionsController(FulfilmentOrders orders, Substitutions substitutions, Offers offers) {
        this.orders = orders;
        this.substitutions = substitutions;
        this.offers = offers;
    }

    /** A substitute (or its absence) for one line; {@code sku} is null when none was found. */
    record SubstitutionView(
            UUID id,
            long lineId,
            String status,
            @Nullable Offered sku,
            @Nullable Instant expiresAt) {

        static SubstitutionView of(Substitutions.Substitution s) {
            return new SubstitutionView(
                    s.id(),
                    s.orderLineId(),
                    s.status(),
                    s.skuId() == null || s.unitPriceFen() == null
                            ? null
                            : new Offered(Long.toString(s.skuId()), s.skuAttributes(), Money.cny(s.unitPriceFen())),
                    s.expiresAt());
        }
    }

    record Offered(String skuId, Map<String, Object> attributes, Money unitPriceCny) {}

    record Page(List<SubstitutionView> items, long total) {}

    @Operation(summary = "Substitutes offered for the order's lines sold out after payment")
    @GetMapping
    Page list(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID orderId) {
        owned(jwt, orderId);
        List<SubstitutionView> items = substitutions.ofOrder(orderId).stream()
                .map(SubstitutionView::of)
                .toList();
        return new Page(items, items.size());
    }

    @Operation(summary = "Accept a substitute: it is bought instead of the sold-out SKU")
    @PostMapping("/{substitutionId}/accept")
    SubstitutionView accept(
            @AuthenticationPrincipal Jwt jwt, @PathVariable UUID orderId, @PathVariable UUID substitutionId) {
        owned(jwt, orderId);
        offers.accept(orderId, substitutionId);
        return one(orderId, substitutionId);
    }

    @Operation(summary = "Decline a substitute: the line is refunded")
    @PostMapping("/{substitutionId}/decline")
    SubstitutionView decline(
            @AuthenticationPrincipal Jwt jwt, @PathVariable UUID orderId, @PathVariable UUID substitutionId) {
        owned(jwt, orderId);
        offers.decline(orderId, substitutionId);
        return one(orderId, substitutionId);
    }

    private void owned(Jwt jwt, UUID orderId) {
        if (!orders.ownedBy(orderId, UUID.fromString(jwt.getSubject()))) {
            throw NotFound.of("order");
        }
    }

    private SubstitutionView one(UUID orderId, UUID id) {
        return substitutions.ofOrder(orderId).stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .map(SubstitutionView::of)
                .orElseThrow(() -> NotFound.of("substitution"));
    }
}
