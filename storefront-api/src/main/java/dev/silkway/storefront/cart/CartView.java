package dev.silkway.storefront.cart;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.silkway.storefront.money.Money;
import dev.silkway.storefront.money.Rate;
import dev.silkway.storefront.money.Rounding;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The cart in the API, prices in roubles at the CBR rate of the day. An unavailable line has no
 * price and counts for nothing in the total; a line short of stock keeps its full quantity.
 */
record CartView(@Nullable UUID id, long version, List<Item> items, Money total, RateView rate) {

    static CartView of(Cart cart, Rate cny) {
        List<Item> items = cart.lines().stream().map(line -> item(line, cny)).toList();
        long total = cart.lines().stream()
                .filter(line -> !line.unavailable())
                .mapToLong(line -> Rounding.kopecksOf(line.priceFen(), cny) * line.quantity())
                .sum();
        return new CartView(
                cart.id(),
                cart.version(),
                items,
                Money.rub(total),
                new RateView(
                        cny.currency(),
                        cny.unitRate().toPlainString(),
                        cny.date().toString()));
    }

    private static Item item(CartLine line, Rate cny) {
        Long unit = line.unavailable() ? null : Rounding.kopecksOf(line.priceFen(), cny);
        return new Item(
                line.itemId(),
                Long.toString(line.productId()),
                Long.toString(line.skuId()),
                line.title(),
                line.skuAttributes(),
                line.imageUrl(),
                line.quantity(),
                unit == null ? null : Money.rub(unit),
                unit == null ? null : Money.rub(unit * line.quantity()),
                line.unavailable() ? null : Money.cny(line.priceFen()),
                line.priceChanged()
                        ? new PriceChange(Money.rub(Rounding.kopecksOf(line.seenPriceFen(), cny)), Money.rub(unit))
                        : null,
                line.stockShort() ? new StockShort(line.available()) : null,
                line.unavailable() ? Boolean.TRUE : null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            UUID itemId,
            String productId,
            String skuId,
            String title,
            Map<String, Object> skuAttributes,
            @Nullable String imageUrl,
            int quantity,
            @Nullable Money unitPrice,
            @Nullable Money lineTotal,
            @Nullable Money unitPriceCny,
            @Nullable PriceChange priceChanged,
            @Nullable StockShort stockShort,
            @Nullable Boolean unavailable) {}

    record PriceChange(Money was, Money now) {}

    record StockShort(int available) {}

    record RateView(String currency, String value, String date) {}
}
