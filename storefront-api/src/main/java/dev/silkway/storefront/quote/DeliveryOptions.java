package dev.silkway.storefront.quote;

import dev.silkway.storefront.delivery.DeliveryLine;
import dev.silkway.storefront.delivery.DeliveryLines;
import dev.silkway.storefront.delivery.Goods;
import dev.silkway.storefront.delivery.ShippedGoods;
import dev.silkway.storefront.money.CbrRates;
import dev.silkway.storefront.money.Money;
import dev.silkway.storefront.money.NoExchangeRate;
import dev.silkway.storefront.money.Rate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The product page's delivery block: per delivery line serving the country, its ETA, the landed cost
 * of one unit of the product's cheapest SKU (in stock if any) by it, and whether the product is
 * restricted on it. Empty before the first CBR rates or for a country without customs rules.
 */
@Component
public class DeliveryOptions {

    private final JdbcClient jdbc;
    private final DeliveryLines lines;
    private final ShippedGoods shipped;
    private final CustomsRules customs;
    private final CbrRates rates;
    private final LandedCost landedCost;

    DeliveryOptions(
            JdbcClient jdbc,
            DeliveryLines lines,
            ShippedGoods shipped,
            CustomsRules customs,
            CbrRates rates,
            LandedCost landedCost) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.shipped = shipped;
        this.customs = customs;
        this.rates = rates;
        this.landedCost = landedCost;
    }

    public List<Option> forProduct(long productId, String country) {
        Optional<CustomsRule> rule = customs.of(country);
        Optional<long[]> cheapest = jdbc.sql("""
                        SELECT k.id, sp.amount_minor FROM skus k
                        JOIN sku_prices sp ON sp.sku_id = k.id AND sp.currency = 'CNY'
                        LEFT JOIN sku_stock ss ON ss.sku_id = k.id
                        WHERE k.product_id = ? AND k.active
                        ORDER BY COALESCE(ss.in_stock, false) DESC, sp.amount_minor, k.id LIMIT 1""")
                .param(productId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
        if (rule.isEmpty() || cheapest.isEmpty()) {
            return List.of();
        }
        Rate cny;
        Rate eur;
        try {
            var ofTheDay = rates.cnyAndEur();
            cny = ofTheDay.cny();
            eur = ofTheDay.eur();
        } catch (NoExchangeRate e) {
            return List.of();
        }
        long skuId = cheapest.get()[0];
        Goods goods = shipped.of(List.of(skuId)).get(skuId);
        var item = new QuoteItem(skuId, "", 1, cheapest.get()[1], goods);
        List<Option> options = new ArrayList<>();
        for (DeliveryLine line : lines.serving(country)) {
            long from = landedCost
                    .price(List.of(item), line, rule.get(), cny, eur, false)
                    .total();
            options.add(new Option(
                    line.method().name(),
                    new Eta(line.etaMinDays(), line.etaMaxDays()),
                    Money.rub(from),
                    line.restricts(goods)));
        }
        return options;
    }

    public record Option(String method, Eta etaDays, Money landedCostFrom, boolean restricted) {}

    public record Eta(int min, int max) {}
}
