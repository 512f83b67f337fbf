package dev.silkway.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Shoppers ready to order: signed up, one address, a SKU in the cart and a quote by AIR. */
public final class CheckoutBuyers {

    private final Api api;
    private final CheckoutApi checkout;

    public CheckoutBuyers(Api api, CheckoutApi checkout) {
        this.api = api;
        this.checkout = checkout;
    }

    /** A signed-up shopper with one address, the SKU in the cart and a quote by AIR. */
    public record Buyer(Shoppers.Session session, String addressId, JsonNode quote) {

        public Map<String, Object> order(boolean split) {
            return order(split, "CARD");
        }

        public Map<String, Object> order(boolean split, String paymentMethod) {
            return Map.of(
                    "quoteId",
                    quote.path("quoteId").asString(),
                    "addressId",
                    addressId,
                    "deliveryMethod",
                    "AIR",
                    "paymentMethod",
                    paymentMethod,
                    "split",
                    split);
        }
    }

    public Buyer buyer(CheckoutCatalogue.Sku sku, int quantity) {
        var session = Shoppers.signUp(api);
        var added = add(session, sku, quantity);
        String addressId = api.post(
                        "/api/v1/me/addresses", new HashMap<>(Shoppers.moscowAddress()), session.accessToken())
                .text("id");
        long version = added.json().path("version").asLong();
        var quote = api.post(
                "/api/v1/checkout/quote",
                Map.of("addressId", addressId, "deliveryMethod", "AIR", "cartVersion", version),
                session.accessToken());
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        return new Buyer(session, addressId, quote.json());
    }

    /** Puts {@code quantity} of the SKU into the shopper's cart (201 asserted). */
    public Api.Response add(Shoppers.Session session, CheckoutCatalogue.Sku sku, int quantity) {
        var added = tryToAdd(session, sku, quantity);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added;
    }

    /** Asks to put {@code quantity} of the SKU into the shopper's cart: the answer, whatever it is. */
    public Api.Response tryToAdd(Shoppers.Session session, CheckoutCatalogue.Sku sku, int quantity) {
        return checkout.send(
                "POST",
                "/api/v1/cart/items",
                Map.of(
                        "productId",
                        Long.toString(sku.productId()),
                        "skuId",
                        Long.toString(sku.skuId()),
                        "quantity",
                        quantity),
                session.accessToken(),
                Map.of());
    }

    public Api.Response place(Buyer buyer, String key, Map<String, Object> body) {
        return checkout.send(
                "POST", "/api/v1/orders", body, buyer.session().accessToken(), Map.of("Idempotency-Key", key));
    }
}
