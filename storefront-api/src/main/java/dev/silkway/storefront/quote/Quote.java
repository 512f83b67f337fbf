package dev.silkway.storefront.quote;

import dev.silkway.storefront.delivery.DeliveryMethod;
import dev.silkway.storefront.money.Rate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored quote: what the order copies when it is placed from it. Amounts in kopecks. */
public record Quote(
        UUID id,
        UUID userId,
        long cartVersion,
        UUID addressId,
        String country,
        DeliveryMethod deliveryMethod,
        boolean insurance,
        Rate cny,
        Rate eur,
        List<Item> items,
        List<QuoteLine> lines,
        long total,
        int chargeableGrams,
        boolean estimatedWeights,
        List<Blocked> blocked,
        @Nullable SplitProposal split,
        Instant createdAt,
        Instant expiresAt) {

    public long amount(QuoteLine.Kind kind) {
        return lines.stream()
                .filter(l -> l.kind() == kind)
                .mapToLong(QuoteLine::amount)
                .sum();
    }

    /** A cart line as quoted: its price in fen and in kopecks at the quote's rate. */
    public record Item(
            long productId,
            long skuId,
            String title,
            Map<String, Object> skuAttributes,
            @Nullable String imageUrl,
            int quantity,
            long priceFen,
            long unitKopecks) {

        public long lineKopecks() {
            return unitKopecks * quantity;
        }
    }

    /** A line the chosen delivery line cannot carry, and why. */
    public record Blocked(long skuId, String title, String reason) {}
}
