package dev.silkway.storefront.quote;

import dev.silkway.storefront.cart.Cart;
import dev.silkway.storefront.cart.CartLine;
import dev.silkway.storefront.web.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * 409: the cart is not what the shopper last saw (its version moved) or holds lines that cannot be
 * bought as they stand. The problem lists the lines to look at and the cart's current version.
 */
class CartChanged extends ApiException {

    private final transient Cart cart;
    private final String type;
    private final String title;

    private CartChanged(String type, String title, String detail, Cart cart) {
        super(HttpStatus.CONFLICT, type, title, detail);
        this.cart = cart;
        this.type = type;
        this.title = title;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }

    static CartChanged stale(Cart cart) {
        return new CartChanged(
                "cart-changed", "Cart changed", "The cart changed since you saw it; review it and try again.", cart);
    }

    static CartChanged notOrderable(Cart cart) {
        return new CartChanged(
                "cart-not-orderable",
                "Cart cannot be ordered",
                "Some lines are unavailable or short of stock; change or remove them.",
                cart);
    }

    long currentVersion() {
        return cart.version();
    }

    List<CartLine> lines() {
        return cart.changedLines();
    }
}
