package dev.silkway.ingestion.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The staging tables and the merge statements. Staging tables are TEMPORARY (session-private, never WAL-logged,
 * emptied at commit): like an UNLOGGED table they cost no WAL, and being private to the connection two feeds that
 * merge at the same time never see each other's rows. One merge per transaction.
 */
final class MergeSql {

    private MergeSql() {}

    static final String STAGING = """
            CREATE TEMP TABLE IF NOT EXISTS stage_products (
                external_id text, category_external_id text, category_name text, category_path text,
                brand_name text, brand_normalized text, title_original text, title_ru text, title_en text,
                description text, rating numeric(3, 2), review_count integer, sales_count bigint, source_url text,
                content_hash bytea) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE IF NOT EXISTS stage_skus (
                product_external_id text, external_id text, attributes jsonb, attributes_original jsonb,
                image_url text, amount_minor bigint, list_amount_minor bigint, currency char(3),
                original_amount text, original_unit text, quantity integer, in_stock boolean) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE IF NOT EXISTS stage_images (
                product_external_id text, position smallint, url text) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE IF NOT EXISTS stage_attributes (
                product_external_id text, position smallint, name text, value text) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE IF NOT EXISTS changed_products (
                id bigint, external_id text, version bigint, status text, inserted boolean) ON COMMIT DELETE ROWS;
            SET LOCAL client_min_messages = warning;
            """;

    private static final String BRANDS = """
            INSERT INTO brands (name, normalized_name)
            SELECT DISTINCT ON (brand_normalized) brand_name, brand_normalized
            FROM stage_products WHERE brand_normalized IS NOT NULL
            ORDER BY brand_normalized
            ON CONFLICT (normalized_name) DO NOTHING
            """;

    private static final String CATEGORIES = """
            INSERT INTO marketplace_categories (marketplace_code, external_id, name, full_path)
            SELECT DISTINCT ON (category_external_id) ?, category_external_id, category_name, category_path
            FROM stage_products WHERE category_external_id IS NOT NULL
            ORDER BY category_external_id
            ON CONFLICT (marketplace_code, external_id) DO NOTHING
            """;

    private static final String PRODUCTS = """
            WITH up AS (
                INSERT INTO products AS p (marketplace_code, external_id, category_id, marketplace_category_id,
                    brand_id, title_original, title_ru, title_en, description_original, rating, review_count,
                    sales_count, source_url, content_hash)
                SELECT ?, s.external_id,
                       COALESCE(mc.category_id, (SELECT id FROM categories WHERE code = 'unsorted')),
                       mc.id, b.id, s.title_original, s.title_ru, s.title_en, s.description, s.rating,
                       s.review_count, s.sales_count, s.source_url, s.content_hash
                FROM stage_products s
                LEFT JOIN marketplace_categories mc
                       ON mc.marketplace_code = ? AND mc.external_id = s.category_external_id
                LEFT JOIN brands b ON b.normalized_name = s.brand_normalized
                ON CONFLICT (marketplace_code, external_id) DO UPDATE SET
                    category_id = EXCLUDED.category_id,
                    marketplace_category_id = EXCLUDED.marketplace_category_id,
                    brand_id = EXCLUDED.brand_id,
                    title_original = EXCLUDED.title_original,
                    title_ru = COALESCE(EXCLUDED.title_ru, p.title_ru),
                    title_en = COALESCE(EXCLUDED.title_en, p.title_en),
                    description_original = EXCLUDED.description_original,
                    rating = EXCLUDED.rating,
                    review_count = EXCLUDED.review_count,
                    sales_count = EXCLUDED.sales_count,
                    source_url = EXCLUDED.source_url,
                    content_hash = EXCLUDED.content_hash,
                    version = p.version + 1,
                    updated_at = now()
                WHERE p.content_hash IS DISTINCT FROM EXCLUDED.content_hash
                RETURNING p.id, p.external_id, p.version, p.status, (p.xmax = 0) AS inserted)
            INSERT INTO changed_products SELECT id, external_id, version, status, inserted FROM up
            """;

    private static final String SKUS = """
            INSERT INTO skus AS k (product_id, external_id, attributes, attributes_original, image_url)
            SELECT c.id, s.external_id, s.attributes, s.attributes_original, s.image_url
            FROM stage_skus s JOIN changed_products c ON c.external_id = s.product_external_id
            ON CONFLICT (product_id, external_id) DO UPDATE SET
                attributes = EXCLUDED.attributes, attributes_original = EXCLUDED.attributes_original,
                image_url = EXCLUDED.image_url, active = true, updated_at = now()
            WHERE (k.attributes, k.attributes_original, k.image_url, k.active)
                  IS DISTINCT FROM (EXCLUDED.attributes, EXCLUDED.attributes_original, EXCLUDED.image_url, true)
            """;

    private static final String SKUS_GONE = """
            UPDATE skus k SET active = false, updated_at = now()
            FROM changed_products c
            WHERE k.product_id = c.id AND NOT c.inserted AND k.active
              AND NOT EXISTS (SELECT 1 FROM stage_skus s
                              WHERE s.product_external_id = c.external_id AND s.external_id = k.external_id)
            """;

    private static final String PRICES = """
            WITH src AS (
                SELECT k.id AS sku_id, s.*
                FROM stage_skus s
                JOIN changed_products c ON c.external_id = s.product_external_id
                JOIN skus k ON k.product_id = c.id AND k.external_id = s.external_id),
            up AS (
                INSERT INTO sku_prices AS sp (sku_id, amount_minor, list_amount_minor, currency, original_amount,
                    original_unit, job_execution_id)
                SELECT sku_id, amount_minor, list_amount_minor, currency, original_amount, original_unit, ?
                FROM src
                ON CONFLICT (sku_id) DO UPDATE SET
                    amount_minor = EXCLUDED.amount_minor, list_amount_minor = EXCLUDED.list_amount_minor,
                    currency = EXCLUDED.currency, original_amount = EXCLUDED.original_amount,
                    original_unit = EXCLUDED.original_unit, job_execution_id = EXCLUDED.job_execution_id,
                    changed_at = now()
                WHERE (sp.amount_minor, sp.list_amount_minor, sp.currency, sp.original_amount, sp.original_unit)
                      IS DISTINCT FROM (EXCLUDED.amount_minor, EXCLUDED.list_amount_minor, EXCLUDED.currency,
                                        EXCLUDED.original_amount, EXCLUDED.original_unit)
                RETURNING sp.*)
            INSERT INTO sku_price_history (sku_id, amount_minor, list_amount_minor, currency, original_amount,
                original_unit, job_execution_id)
            SELECT sku_id, amount_minor, list_amount_minor, currency, original_amount, original_unit, job_execution_id
            FROM up
            """;

    private static final String STOCK = """
            WITH src AS (
                SELECT k.id AS sku_id, s.quantity, s.in_stock
                FROM stage_skus s
                JOIN changed_products c ON c.external_id = s.product_external_id
                JOIN skus k ON k.product_id = c.id AND k.external_id = s.external_id),
            up AS (
                INSERT INTO sku_stock AS st (sku_id, quantity, in_stock, job_execution_id)
                SELECT sku_id, quantity, in_stock, ? FROM src
                ON CONFLICT (sku_id) DO UPDATE SET
                    quantity = EXCLUDED.quantity, in_stock = EXCLUDED.in_stock,
                    job_execution_id = EXCLUDED.job_execution_id, changed_at = now()
                WHERE (st.quantity, st.in_stock) IS DISTINCT FROM (EXCLUDED.quantity, EXCLUDED.in_stock)
                RETURNING st.*)
            INSERT INTO sku_stock_history (sku_id, quantity, in_stock, job_execution_id)
            SELECT sku_id, quantity, in_stock, job_execution_id FROM up
            """;

    private static final String IMAGES_GONE = """
            DELETE FROM product_images i USING changed_products c WHERE i.product_id = c.id AND NOT c.inserted
            """;

    private static final String IMAGES = """
            INSERT INTO product_images (product_id, position, url)
            SELECT c.id, s.position, s.url
            FROM stage_images s JOIN changed_products c ON c.external_id = s.product_external_id
            """;

    private static final String ATTRIBUTES_GONE = """
            DELETE FROM product_attributes a USING changed_products c WHERE a.product_id = c.id AND NOT c.inserted
            """;

    private static final String ATTRIBUTES = """
            INSERT INTO product_attributes (product_id, position, name, value)
            SELECT c.id, s.position, s.name, s.value
            FROM stage_attributes s JOIN changed_products c ON c.external_id = s.product_external_id
            """;

    private static final String OUTBOX = """
            INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
            SELECT 'product', c.id::text,
                   CASE WHEN c.status = 'VISIBLE' THEN 'ProductChanged' ELSE 'ProductHidden' END,
                   jsonb_build_object('productId', c.id, 'version', c.version, 'marketplace', ?::text,
                                      'externalId', c.external_id, 'status', c.status, 'created', c.inserted)
            FROM changed_products c
            ORDER BY c.id
            """;

    static void createStaging(Connection connection) throws SQLException {
        CatalogueWriter.execute(connection, STAGING);
    }

    /** Runs the merge; returns the number of products inserted or changed. */
    static int merge(Connection connection, String feedCode, long jobExecutionId) throws SQLException {
        // Temporary tables have no statistics until analyzed: without them the joins below plan as nested loops.
        CatalogueWriter.execute(connection, "ANALYZE stage_products, stage_skus");
        update(connection, BRANDS);
        update(connection, CATEGORIES, feedCode);
        int changed = update(connection, PRODUCTS, feedCode, feedCode);
        if (changed == 0) {
            return 0;
        }
        CatalogueWriter.execute(connection, "ANALYZE changed_products");
        update(connection, SKUS);
        update(connection, SKUS_GONE);
        update(connection, PRICES, jobExecutionId);
        update(connection, STOCK, jobExecutionId);
        update(connection, IMAGES_GONE);
        update(connection, IMAGES);
        update(connection, ATTRIBUTES_GONE);
        update(connection, ATTRIBUTES);
        update(connection, OUTBOX, feedCode);
        return changed;
    }

    private static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }
}
