package dev.silkway.ingestion.translate;

import java.sql.Array;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the translate step reads and writes: a feed's products whose Russian title is missing or was translated from
 * another original title ({@code ix_products_translation_pending}), their SKUs' attributes, and the feed's
 * marketplace categories without a Russian name. Writes run in the step's transaction; a product whose title
 * changes gets a new version and one outbox event, as the bulk merge gives it.
 */
@Repository
class PendingProducts {

    record Product(long id, String titleOriginal, @Nullable String titleEn, String sourceMd5) {}

    record Sku(long id, String attributes, String sourceMd5) {}

    record Category(long id, String name) {}

    /** A product's new titles, made from the original whose md5 is {@code sourceMd5}. */
    record Titles(long id, String titleRu, @Nullable String titleEn, String sourceMd5) {}

    private final JdbcTemplate jdbc;

    PendingProducts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Product> after(String feed, long afterId, int limit) {
        return jdbc.query(
                """
                SELECT id, title_original, title_en, md5(title_original) FROM products
                WHERE marketplace_code = ? AND id > ?
                  AND (title_ru IS NULL OR title_ru_source_md5 <> md5(title_original))
                ORDER BY id LIMIT ?
                """,
                (rs, n) -> new Product(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                feed,
                afterId,
                limit);
    }

    List<Sku> skusOf(List<Long> productIds) {
        return jdbc.query(
                """
                SELECT id, attributes::text, md5(attributes::text) FROM skus
                WHERE product_id = ANY(?) AND active
                  AND (attributes_ru IS NULL OR attributes_ru_source_md5 <> md5(attributes::text))
                ORDER BY id
                """,
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", productIds.toArray())),
                (rs, n) -> new Sku(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    List<Category> untranslatedCategories(String feed) {
        return jdbc.query(
                "SELECT id, name FROM marketplace_categories WHERE marketplace_code = ? AND name_ru IS NULL ORDER BY id",
                (rs, n) -> new Category(rs.getLong(1), rs.getString(2)),
                feed);
    }

    /**
     * Stores the titles; returns how many products changed (each bumped and published through the outbox). The
     * products are locked in id order before the update, as another feed's merge locks the products of a brand it
     * renames: the two wait for each other instead of deadlocking.
     */
    int saveTitles(String feed, List<Titles> titles) {
        if (titles.isEmpty()) {
            return 0;
        }
        return jdbc.update("""
                WITH t AS (SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[])
                           AS t(id, title_ru, title_en, source_md5)),
                locked AS (SELECT p.id FROM products p JOIN t ON t.id = p.id ORDER BY p.id FOR UPDATE OF p),
                up AS (
                    UPDATE products p
                    SET title_ru = t.title_ru,
                        title_en = COALESCE(p.title_en, t.title_en),
                        title_ru_source_md5 = t.source_md5,
                        version = p.version + 1,
                        updated_at = now()
                    FROM t JOIN locked l ON l.id = t.id
                    WHERE p.id = t.id AND md5(p.title_original) = t.source_md5
                    RETURNING p.id, p.version, p.status, p.external_id)
                INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
                SELECT 'product', up.id::text,
                       CASE WHEN up.status = 'VISIBLE' THEN 'ProductChanged' ELSE 'ProductHidden' END,
                       jsonb_build_object('productId', up.id, 'version', up.version, 'marketplace', ?::text,
                                          'externalId', up.external_id, 'status', up.status, 'created', false)
                FROM up ORDER BY up.id
                """, ps -> {
            ps.setArray(1, array(ps.getConnection(), "bigint", titles.stream().map(Titles::id)));
            ps.setArray(2, array(ps.getConnection(), "text", titles.stream().map(Titles::titleRu)));
            ps.setArray(3, array(ps.getConnection(), "text", titles.stream().map(Titles::titleEn)));
            ps.setArray(4, array(ps.getConnection(), "text", titles.stream().map(Titles::sourceMd5)));
            ps.setString(5, feed);
        });
    }

    /** Stores SKU attributes in Russian (JSON objects), for the attributes whose md5 is still the one given. */
    void saveSkuAttributes(Map<Sku, String> attributesRu) {
        if (attributesRu.isEmpty()) {
            return;
        }
        List<Map.Entry<Sku, String>> rows = List.copyOf(attributesRu.entrySet());
        jdbc.update("""
                UPDATE skus k SET attributes_ru = t.attributes_ru::jsonb, attributes_ru_source_md5 = t.source_md5
                FROM unnest(?::bigint[], ?::text[], ?::text[]) AS t(id, attributes_ru, source_md5)
                WHERE k.id = t.id AND md5(k.attributes::text) = t.source_md5
                """, ps -> {
            ps.setArray(
                    1,
                    array(
                            ps.getConnection(),
                            "bigint",
                            rows.stream().map(e -> e.getKey().id())));
            ps.setArray(2, array(ps.getConnection(), "text", rows.stream().map(Map.Entry::getValue)));
            ps.setArray(
                    3,
                    array(
                            ps.getConnection(),
                            "text",
                            rows.stream().map(e -> e.getKey().sourceMd5())));
        });
    }

    void saveCategoryName(long id, @Nullable String nameRu, @Nullable String nameEn) {
        jdbc.update(
                "UPDATE marketplace_categories SET name_ru = COALESCE(?, name_ru), name_en = COALESCE(?, name_en)"
                        + " WHERE id = ?",
                nameRu,
                nameEn,
                id);
    }

    private static Array array(java.sql.Connection connection, String type, java.util.stream.Stream<?> values)
            throws java.sql.SQLException {
        return connection.createArrayOf(type, values.toArray());
    }
}
