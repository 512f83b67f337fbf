package dev.silkway.indexer;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes products the way ingestion does: the catalogue rows and, in the same statement batch, an
 * outbox event ({@code ProductChanged} or {@code ProductHidden}) keyed by the product id. Every change
 * bumps the product's version.
 */
public final class Catalogue {

    private final JdbcClient jdbc;

    public Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A visible product with one SKU in stock. */
    public long product(
            String marketplace, String category, String brand, String titleRu, String titleZh, long priceFen) {
        return product(marketplace, category, brand, titleRu, null, titleZh, priceFen, 4.5, 10, true);
    }

    public long product(
            String marketplace,
            String category,
            String brand,
            String titleRu,
            String titleEn,
            String titleZh,
            long priceFen,
            Double rating,
            int reviews,
            boolean inStock) {
        Long brandId = brand == null
                ? null
                : jdbc.sql("""
                        INSERT INTO brands (name, normalized_name) VALUES (:name, lower(:name))
                        ON CONFLICT (normalized_name) DO UPDATE SET name = brands.name RETURNING id
                        """).param("name", brand).query(Long.class).single();
        long id = jdbc.sql("""
                INSERT INTO products (marketplace_code, external_id, category_id, brand_id, title_original, title_ru,
                                      title_en, rating, review_count, sales_count, source_url, content_hash, version)
                SELECT :marketplace, :external, c.id, :brand, :zh, :ru, :en, :rating, :reviews, :reviews * 3,
                       'https://item.example/' || :external, decode('00', 'hex'), 1
                FROM categories c WHERE c.code = :category
                RETURNING id
                """)
                .param("marketplace", marketplace)
                .param("external", UUID.randomUUID().toString())
                .param("category", category)
                .param("brand", brandId)
                .param("zh", titleZh)
                .param("ru", titleRu)
                .param("en", titleEn)
                .param("rating", rating)
                .param("reviews", reviews)
                .query(Long.class)
                .single();
        long sku = jdbc.sql(
                        "INSERT INTO skus (product_id, external_id, attributes) VALUES (:p, :e, '{\"size\":\"42\"}') RETURNING id")
                .param("p", id)
                .param("e", "sku-" + id)
                .query(Long.class)
                .single();
        jdbc.sql("""
                INSERT INTO sku_prices (sku_id, amount_minor, currency, original_amount, original_unit)
                VALUES (:sku, :amount, 'CNY', :amount::text, 'MINOR')
                """).param("sku", sku).param("amount", priceFen).update();
        jdbc.sql("INSERT INTO sku_stock (sku_id, quantity, in_stock) VALUES (:sku, :q, :s)")
                .param("sku", sku)
                .param("q", inStock ? 5 : 0)
                .param("s", inStock)
                .update();
        jdbc.sql(
                        "INSERT INTO product_images (product_id, position, url) VALUES (:p, 0, 'https://img.example/' || :p || '.jpg')")
                .param("p", id)
                .update();
        event(id, "ProductChanged");
        return id;
    }

    /** A new price for every SKU of the product, a version bump and its event. */
    public void changePrice(long productId, long priceFen) {
        jdbc.sql(
                        "UPDATE sku_prices SET amount_minor = :a, changed_at = now() WHERE sku_id IN (SELECT id FROM skus WHERE product_id = :p)")
                .param("a", priceFen)
                .param("p", productId)
                .update();
        bump(productId);
        event(productId, "ProductChanged");
    }

    public void hide(long productId) {
        jdbc.sql("UPDATE products SET status = 'HIDDEN', version = version + 1, updated_at = now() WHERE id = :p")
                .param("p", productId)
                .update();
        event(productId, "ProductHidden");
    }

    public void bump(long productId) {
        jdbc.sql("UPDATE products SET version = version + 1, updated_at = now() WHERE id = :p")
                .param("p", productId)
                .update();
    }

    public void event(long productId, String type) {
        jdbc.sql("""
                INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
                SELECT 'product', p.id::text, :type, jsonb_build_object('productId', p.id, 'version', p.version)
                FROM products p WHERE p.id = :p
                """).param("type", type).param("p", productId).update();
    }

    public long version(long productId) {
        return jdbc.sql("SELECT version FROM products WHERE id = :p")
                .param("p", productId)
                .query(Long.class)
                .single();
    }
}
