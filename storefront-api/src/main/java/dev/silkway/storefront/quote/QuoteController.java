package dev.silkway.storefront.quote;

import dev.silkway.storefront.delivery.DeliveryMethod;
import dev.silkway.storefront.money.Money;
import dev.silkway.storefront.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/checkout/quote}: the landed cost of the shopper's cart, valid 15 minutes. */
@RestController
class QuoteController {

    private final Quoting quoting;

    QuoteController(Quoting quoting) {
        this.quoting = quoting;
    }

    @PostMapping("/api/v1/checkout/quote")
    QuoteView quote(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody QuoteRequest request) {
        return QuoteView.of(quoting.quote(
                UUID.fromString(jwt.getSubject()),
                request.addressId(),
                request.deliveryMethod(),
                Boolean.TRUE.equals(request.insurance()),
                request.cartVersion()));
    }

    /** 409 with the lines to review and the cart's current version. */
    @ExceptionHandler(CartChanged.class)
    ResponseEntity<ProblemDetail> cartChanged(CartChanged e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, e.type(), e.title(), e.getMessage());
        problem.setProperty("cartVersion", e.currentVersion());
        problem.setProperty(
                "changedLines",
                e.lines().stream()
                        .map(l -> Map.of(
                                "itemId", l.itemId().toString(),
                                "skuId", Long.toString(l.skuId()),
                                "priceChanged", l.priceChanged(),
                                "available", l.available() == null ? "unlimited" : l.available(),
                                "unavailable", l.unavailable(),
                                "price", l.priceFen() == null ? "none" : Money.cny(l.priceFen())))
                        .toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    record QuoteRequest(
            @NotNull UUID addressId,
            @NotNull DeliveryMethod deliveryMethod,
            @Nullable Boolean insurance,
            @NotNull Long cartVersion) {}
}
