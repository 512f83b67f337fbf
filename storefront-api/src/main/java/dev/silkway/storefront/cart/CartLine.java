package dev.silkway.storefront.cart;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A cart line revalidated against the catalogue as it is now.
 *
 * @param priceFen the SKU's current price in fen (CNY), null when it has none
 * @param seenPriceFen the price the shopper last saw (when adding or changing the line)
 * @param available units that can still be bought, null when the marketplace gives no count
 * @param unavailable the SKU or its product is gone, hidden or has no price
 */
public record CartLine(
        UUID itemId,
        long productId,
        long skuId,
        String title,
        Map<String, Object> skuAttributes,
        @Nullable String imageUrl,
        int quantity,
        @Nullable Long priceFen,
        @Nullable Long seenPriceFen,
        @Nullable Integer available,
        boolean unavailable) {

    public boolean priceChanged() {
        return !unavailable && seenPriceFen != null && priceFen != null && !seenPriceFen.equals(priceFen);
    }

    public boolean stockShort() {
        return !unavailable && available != null && available < quantity;
    }

    /** Orderable as it stands: available, priced and in stock for its quantity. */
    public boolean orderable() {
        return !unavailable && !stockShort();
    }

    /** What a read shows about the line, for the cart's version. */
    String state() {
        return itemId + ":" + skuId + ":" + quantity + ":" + priceFen + ":" + (priceChanged() ? seenPriceFen : "") + ":"
                + (unavailable ? "U" : stockShort() ? "S" + available : "OK");
    }
}
