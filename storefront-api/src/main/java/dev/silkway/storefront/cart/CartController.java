package dev.silkway.storefront.cart;

import dev.silkway.storefront.money.CbrRates;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cart (API.md, checkout): a signed-in shopper's, or a guest's addressed by {@code X-Cart-Token}
 * (answered on the guest's first write). A signed-in request that still carries a guest token merges
 * that cart first, as sign-in does.
 */
@RestController
@RequestMapping("/api/v1/cart")
class CartController {

    private final ShopperCarts carts;
    private final CbrRates rates;

    CartController(ShopperCarts carts, CbrRates rates) {
        this.carts = carts;
        this.rates = rates;
    }

    @GetMapping
    CartView cart(
            @AuthenticationPrincipal @Nullable Jwt jwt,
            @RequestHeader(name = CartToken.HEADER, required = false) @Nullable String token) {
        return view(carts.view(owner(jwt, token)));
    }

    @PostMapping("/items")
    ResponseEntity<CartView> add(
            @AuthenticationPrincipal @Nullable Jwt jwt,
            @RequestHeader(name = CartToken.HEADER, required = false) @Nullable String token,
            @Valid @RequestBody AddItem request) {
        var written = carts.add(
                owner(jwt, token),
                Long.parseLong(request.productId()),
                Long.parseLong(request.skuId()),
                request.quantity());
        var response = ResponseEntity.status(HttpStatus.CREATED);
        if (written.newToken() != null) {
            response.header(CartToken.HEADER, written.newToken());
        }
        return response.body(view(written.cart()));
    }

    @PatchMapping("/items/{itemId}")
    CartView change(
            @AuthenticationPrincipal @Nullable Jwt jwt,
            @RequestHeader(name = CartToken.HEADER, required = false) @Nullable String token,
            @PathVariable UUID itemId,
            @Valid @RequestBody ChangeItem request) {
        return view(carts.change(owner(jwt, token), itemId, request.quantity()));
    }

    @DeleteMapping("/items/{itemId}")
    CartView remove(
            @AuthenticationPrincipal @Nullable Jwt jwt,
            @RequestHeader(name = CartToken.HEADER, required = false) @Nullable String token,
            @PathVariable UUID itemId) {
        return view(carts.remove(owner(jwt, token), itemId));
    }

    private ShopperCarts.Owner owner(@Nullable Jwt jwt, @Nullable String token) {
        if (jwt == null) {
            return new ShopperCarts.Owner(null, token == null || token.isBlank() ? null : token);
        }
        UUID userId = UUID.fromString(jwt.getSubject());
        if (token != null && !token.isBlank()) {
            carts.mergeGuestCart(token, userId);
        }
        return new ShopperCarts.Owner(userId, null);
    }

    private CartView view(Cart cart) {
        return CartView.of(cart, rates.ofTheDay("CNY"));
    }

    record AddItem(
            @NotNull @Pattern(regexp = "\\d{1,18}", message = "must be a product id")
            String productId,

            @NotNull @Pattern(regexp = "\\d{1,18}", message = "must be a SKU id")
            String skuId,

            @NotNull @Min(1) @Max(999) Integer quantity) {}

    record ChangeItem(@NotNull @Min(1) @Max(999) Integer quantity) {}
}
