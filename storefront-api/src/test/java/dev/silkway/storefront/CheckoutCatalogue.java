package dev.silkway.storefront;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Object mother for checkout: products with one SKU each, written the way ingestion writes them,
 * whose price, stock and status the tests then move as the feeds would; CBR rates of the day.
 */
public final class CheckoutCatalogue {

    private final JdbcClient jdbc;

    public CheckoutCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Sku(long productId, long skuId) {}

    /** RUB per one unit of {@code currency}, published today (and kept for later days). */
    public void rate(String currency, String rubPerUnit) {
        jdbc.sql("""
                        INSERT INTO exchange_rates (currency, rate_date, nominal, rate, unit_rate)
                        VALUES (:c, :d, 1, :r, :r)
                        ON CONFLICT (currency, rate_date) DO UPDATE SET rate = EXCLUDED.rate, unit_rate = EXCLUDED.unit_rate""")
                .param("c", currency)
                .param("d", LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).minusDays(1))
                .param("r", new BigDecimal(rubPerUnit))
                .update();
    }

    public Sku product(String category, String title, long priceFen, @Nullable Integer stock) {
        return product("taobao", "seller-1", category, title, priceFen, stock);
    }

    public Sku product(
            String marketplace, String seller, String category, String title, long priceFen, @Nullable Integer stock) {
        long productId = jdbc.sql("""
                        INSERT INTO products (marketplace_code, external_id, category_id, title_original, title_ru,
                                              seller_external_id, content_hash, version)
                        SELECT :m, :e, c.id, :t, :t, :s, decode('00', 'hex'), 1 FROM categories c WHERE c.code = :c
                        RETURNING id""")
                .param("m", marketplace)
                .param("e", UUID.randomUUID().toString())
                .param("t", title)
                .param("s", seller)
                .param("c", category)
                .query(Long.class)
                .single();
        long skuId = jdbc.sql("""
                        INSERT INTO skus (product_id, external_id, attributes)
                        VALUES (?, ?, '{"colour":"black"}'::jsonb) RETURNING id""")
                .params(productId, "sku-" + productId)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO sku_prices (sku_id, amount_minor, currency, original_amount, original_unit)
                        VALUES (?, ?, 'CNY', ?, 'MINOR')""").params(skuId, priceFen, Long.toString(priceFen)).update();
        jdbc.sql("INSERT INTO sku_stock (sku_id, quantity, in_stock) VALUES (?, ?, ?)")
                .params(skuId, stock, stock == null || stock > 0)
                .update();
        jdbc.sql("INSERT INTO product_images (product_id, position, url) VALUES (?, 0, ?)")
                .params(productId, "https://img.example/" + productId + ".jpg")
                .update();
        return new Sku(productId, skuId);
    }

    public void price(Sku sku, long fen) {
        jdbc.sql("UPDATE sku_prices SET amount_minor = ?, original_amount = ? WHERE sku_id = ?")
                .params(fen, Long.toString(fen), sku.skuId())
                .update();
    }

    public void stock(Sku sku, int quantity) {
        jdbc.sql("UPDATE sku_stock SET quantity = ?, in_stock = ? WHERE sku_id = ?")
                .params(quantity, quantity > 0, sku.skuId())
                .update();
    }

    public void hide(Sku sku) {
        jdbc.sql("UPDATE products SET status = 'HIDDEN' WHERE id = ?")
                .param(sku.productId())
                .update();
    }

    public void weight(Sku sku, int grams, int lengthMm, int widthMm, int heightMm) {
        jdbc.sql("UPDATE skus SET weight_grams = ?, length_mm = ?, width_mm = ?, height_mm = ? WHERE id = ?")
                .params(grams, lengthMm, widthMm, heightMm, sku.skuId())
                .update();
    }
}
