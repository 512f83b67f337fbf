package dev.silkway.ingestion.catalogue;

/**
 * The staging tables and the set-based statements of one chunk's merge. Staging tables are TEMPORARY
 * (session-private, never WAL-logged, emptied at commit): like an UNLOGGED table they cost no WAL, and being private
 * to the connection two feeds that merge at the same time never see each other's rows. A product's images and
 * attributes travel in its staging row as arrays, so a chunk needs two COPYs (products, SKUs).
 *
 * <p>Every statement writes only what changed: products whose content hash differs, SKUs, prices, stock, images and
 * attributes whose values differ (their history rows come from the same statement's {@code RETURNING}), images and
 * attributes beyond the new count deleted; a SKU that disappeared is deactivated. Lookups of existing rows go
 * through the unique indexes, so a chunk's cost does not grow with the size of the catalogue.
 */
final class MergeSql {

    private MergeSql() {}

    /** Creates the staging tables once per session; the notices of the existing ones are silenced. */
    static final String STAGING = """
            SET LOCAL client_min_messages = warning;
            CREATE TEMP TABLE IF NOT EXISTS staged_products (
                external_id text, category_external_id text, category_name text, category_path text,
                brand_name text, brand_normalized text, title_original text, title_ru text, title_en text,
                description text, rating numeric(3, 2), review_count integer, sales_count bigint, source_url text,
                content_hash bytea, images text[], attribute_names text[], attribute_values text[])
                ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE IF NOT EXISTS staged_skus (
                product_external_id text, external_id text, attributes jsonb, attributes_original jsonb,
                image_url text, amount_minor bigint, list_amount_minor bigint, currency char(3),
                original_amount text, original_unit text, quantity integer, in_stock boolean) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE IF NOT EXISTS merged_products (
                id bigint, external_id text, version bigint, status text, inserted boolean) ON COMMIT DELETE ROWS
            """;

    /**
     * The stored content hashes of a chunk's offers, in one statement: {@code = ANY} of the ids on the unique index
     * {@code (marketplace_code, external_id) INCLUDE (content_hash)} (V41), an index-only scan once the table is
     * vacuumed. The caller compares the hashes; a new offer has none. Parameters: the feed code, the ids.
     */
    static final String STORED_HASHES = """
            SELECT p.external_id, p.content_hash FROM products p
            WHERE p.marketplace_code = ? AND p.external_id = ANY (?::text[])
            """;

    /** Every table the merge writes, vacuumed and analyzed after a step that wrote many rows. */
    static final String TIDY = "VACUUM (ANALYZE) products, skus, sku_prices, sku_price_history, sku_stock,"
            + " sku_stock_history, product_images, product_attributes, outbox_events";

    /** Brands not known yet, in a fixed order so that two feeds inserting the same brands cannot deadlock. */
    private static final String BRANDS = """
            INSERT INTO brands (name, normalized_name)
            SELECT min(s.brand_name), s.brand_normalized
            FROM staged_products s
            WHERE s.brand_normalized IS NOT NULL
            GROUP BY s.brand_normalized
            HAVING NOT EXISTS (SELECT 1 FROM brands b WHERE b.normalized_name = s.brand_normalized)
            ORDER BY s.brand_normalized COLLATE "C"
            ON CONFLICT (normalized_name) DO NOTHING
            """;

    /**
     * Parameters: feed code twice. A category seen for the first time is mapped automatically onto the unified
     * category whose Chinese name is the deepest of its path's names ("数码 > 耳机" → electronics when 耳机 names
     * no unified category); with no match it stays unmapped (products in "unsorted", listed for the operator).
     */
    private static final String CATEGORIES = """
            INSERT INTO marketplace_categories (marketplace_code, external_id, name, full_path, category_id)
            SELECT ?, s.category_external_id, min(s.category_name), min(s.category_path),
                   (SELECT c.id
                    FROM unnest(string_to_array(COALESCE(min(s.category_path), ''), ' > ')
                                || min(s.category_name)) WITH ORDINALITY AS seg(name, depth)
                    JOIN categories c ON c.name_zh = btrim(seg.name) AND c.code <> 'unsorted'
                    ORDER BY seg.depth DESC, c.depth DESC, c.code
                    LIMIT 1)
            FROM staged_products s
            WHERE s.category_external_id IS NOT NULL
            GROUP BY s.category_external_id
            HAVING NOT EXISTS (SELECT 1 FROM marketplace_categories m
                               WHERE m.marketplace_code = ? AND m.external_id = s.category_external_id)
            ORDER BY s.category_external_id COLLATE "C"
            ON CONFLICT (marketplace_code, external_id) DO NOTHING
            """;

    /** Parameters: feed code twice. Its update count is the number of products inserted or changed. */
    private static final String PRODUCTS = """
            WITH up AS (
                INSERT INTO products AS p (marketplace_code, external_id, category_id, marketplace_category_id,
                    brand_id, title_original, title_ru, title_en, description_original, rating, review_count,
                    sales_count, source_url, content_hash)
                SELECT ?, s.external_id,
                       COALESCE(mc.category_id, (SELECT id FROM categories WHERE code = 'unsorted')),
                       mc.id, b.id, s.title_original, s.title_ru, s.title_en, s.description, s.rating,
                       s.review_count, s.sales_count, s.source_url, s.content_hash
                FROM staged_products s
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
            INSERT INTO merged_products SELECT id, external_id, version, status, inserted FROM up
            """;

    /**
     * The merged products' statistics, so that the statements below see the few rows of a mostly unchanged chunk
     * (a temporary table has none, and a guess of thousands of rows makes hash joins over whole tables look cheap).
     */
    private static final String ANALYZE_MERGED = "ANALYZE merged_products";

    private static final String SKUS = """
            INSERT INTO skus AS k (product_id, external_id, attributes, attributes_original, image_url)
            SELECT c.id, s.external_id, s.attributes, s.attributes_original, s.image_url
            FROM staged_skus s JOIN merged_products c ON c.external_id = s.product_external_id
            ON CONFLICT (product_id, external_id) DO UPDATE SET
                attributes = EXCLUDED.attributes, attributes_original = EXCLUDED.attributes_original,
                image_url = EXCLUDED.image_url, active = true, updated_at = now()
            WHERE (k.attributes, k.attributes_original, k.image_url, k.active)
                  IS DISTINCT FROM (EXCLUDED.attributes, EXCLUDED.attributes_original, EXCLUDED.image_url, true)
            """;

    /**
     * The SKUs of the merged products that the chunk no longer has. This and the two other {@code *_GONE} statements
     * find their rows with one index probe per merged product ({@code LATERAL … OFFSET 0} keeps the planner from
     * turning the lookup into a scan of the whole table), so they cost nothing when a chunk changed a few products.
     */
    private static final String SKUS_GONE = """
            UPDATE skus k SET active = false, updated_at = now()
            FROM (SELECT g.id FROM merged_products c
                  CROSS JOIN LATERAL (SELECT x.id FROM skus x
                                      WHERE x.product_id = c.id AND x.active
                                        AND NOT EXISTS (SELECT 1 FROM staged_skus s
                                                        WHERE s.product_external_id = c.external_id
                                                          AND s.external_id = x.external_id)
                                      OFFSET 0) g
                  WHERE NOT c.inserted) gone
            WHERE k.id = gone.id
            """;

    /**
     * Prices and stock of the merged products' SKUs with their history, in one statement. The SKU id is looked up per
     * row through the unique index (a sub-select, never a scan of all SKUs). Parameter: the job execution id.
     */
    private static final String PRICES_AND_STOCK = """
            WITH src AS MATERIALIZED (
                SELECT (SELECT k.id FROM skus k WHERE k.product_id = c.id AND k.external_id = s.external_id) AS sku_id,
                       s.amount_minor, s.list_amount_minor, s.currency, s.original_amount, s.original_unit,
                       s.quantity, s.in_stock, ?::bigint AS job_execution_id
                FROM staged_skus s JOIN merged_products c ON c.external_id = s.product_external_id),
            prices AS (
                INSERT INTO sku_prices AS sp (sku_id, amount_minor, list_amount_minor, currency, original_amount,
                    original_unit, job_execution_id)
                SELECT sku_id, amount_minor, list_amount_minor, currency, original_amount, original_unit,
                       job_execution_id
                FROM src
                ON CONFLICT (sku_id) DO UPDATE SET
                    amount_minor = EXCLUDED.amount_minor, list_amount_minor = EXCLUDED.list_amount_minor,
                    currency = EXCLUDED.currency, original_amount = EXCLUDED.original_amount,
                    original_unit = EXCLUDED.original_unit, job_execution_id = EXCLUDED.job_execution_id,
                    changed_at = now()
                WHERE (sp.amount_minor, sp.list_amount_minor, sp.currency, sp.original_amount, sp.original_unit)
                      IS DISTINCT FROM (EXCLUDED.amount_minor, EXCLUDED.list_amount_minor, EXCLUDED.currency,
                                        EXCLUDED.original_amount, EXCLUDED.original_unit)
                RETURNING sp.*),
            price_history AS (
                INSERT INTO sku_price_history (sku_id, amount_minor, list_amount_minor, currency, original_amount,
                    original_unit, job_execution_id)
                SELECT sku_id, amount_minor, list_amount_minor, currency, original_amount, original_unit,
                       job_execution_id
                FROM prices),
            stock AS (
                INSERT INTO sku_stock AS st (sku_id, quantity, in_stock, job_execution_id)
                SELECT sku_id, quantity, in_stock, job_execution_id FROM src
                ON CONFLICT (sku_id) DO UPDATE SET
                    quantity = EXCLUDED.quantity, in_stock = EXCLUDED.in_stock,
                    job_execution_id = EXCLUDED.job_execution_id, changed_at = now()
                WHERE (st.quantity, st.in_stock) IS DISTINCT FROM (EXCLUDED.quantity, EXCLUDED.in_stock)
                RETURNING st.*)
            INSERT INTO sku_stock_history (sku_id, quantity, in_stock, job_execution_id)
            SELECT sku_id, quantity, in_stock, job_execution_id FROM stock
            """;

    private static final String IMAGES_GONE = positionsGone("product_images", "images");

    private static final String IMAGES = """
            INSERT INTO product_images AS i (product_id, position, url)
            SELECT c.id, u.position - 1, u.url
            FROM merged_products c JOIN staged_products s ON s.external_id = c.external_id
            CROSS JOIN LATERAL unnest(s.images) WITH ORDINALITY AS u (url, position)
            ON CONFLICT (product_id, position) DO UPDATE SET url = EXCLUDED.url
            WHERE i.url IS DISTINCT FROM EXCLUDED.url
            """;

    private static final String ATTRIBUTES_GONE = positionsGone("product_attributes", "attribute_names");

    private static final String ATTRIBUTES = """
            INSERT INTO product_attributes AS a (product_id, position, name, value)
            SELECT c.id, u.position - 1, u.name, u.value
            FROM merged_products c JOIN staged_products s ON s.external_id = c.external_id
            CROSS JOIN LATERAL unnest(s.attribute_names, s.attribute_values) WITH ORDINALITY AS u (name, value, position)
            ON CONFLICT (product_id, position) DO UPDATE SET name = EXCLUDED.name, value = EXCLUDED.value
            WHERE (a.name, a.value) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.value)
            """;

    /**
     * Deletes a merged product's rows of {@code table} (images, attributes) at positions beyond the count of the staged
     * array {@code stagedArray}, found by one index probe per product.
     */
    private static String positionsGone(String table, String stagedArray) {
        return """
                DELETE FROM %1$s t
                USING (SELECT c.id, g.position FROM merged_products c
                       JOIN staged_products s ON s.external_id = c.external_id
                       CROSS JOIN LATERAL (SELECT x.position FROM %1$s x
                                           WHERE x.product_id = c.id AND x.position >= cardinality(s.%2$s)
                                           OFFSET 0) g
                       WHERE NOT c.inserted) gone
                WHERE t.product_id = gone.id AND t.position = gone.position
                """.formatted(table, stagedArray);
    }

    /**
     * A brand given in two scripts, as JD writes it ("安踏（ANTA）"): the Latin name becomes the brand (created
     * when new, its Chinese name kept), and the Chinese and the combined spelling become its aliases, so that the
     * search indexes the products of every spelling as one brand (see {@code ProductDocuments}).
     */
    private static final String BRAND_PAIRS = """
            SELECT DISTINCT m[1] AS zh, m[2] AS latin,
                   lower(regexp_replace(m[1], '\\s+', ' ', 'g')) AS zh_normalized,
                   lower(regexp_replace(m[2], '\\s+', ' ', 'g')) AS latin_normalized,
                   s.brand_normalized AS combined_normalized
            FROM (SELECT DISTINCT brand_name, brand_normalized FROM staged_products
                  WHERE brand_name ~ '[（(].*[A-Za-z].*[）)]\\s*$') s
            CROSS JOIN LATERAL regexp_match(s.brand_name, '^\\s*([^（(]+?)\\s*[（(]\\s*([^（()）]+?)\\s*[）)]\\s*$') m
            WHERE m[1] !~ '^[ -~]+$' AND m[2] ~ '^[ -~]+$'
            """;

    private static final String BILINGUAL_BRANDS = """
            INSERT INTO brands AS b (name, normalized_name, name_zh)
            SELECT min(p.latin), p.latin_normalized, min(p.zh)
            FROM (%s) p
            GROUP BY p.latin_normalized
            ORDER BY p.latin_normalized COLLATE "C"
            ON CONFLICT (normalized_name) DO UPDATE SET name_zh = EXCLUDED.name_zh WHERE b.name_zh IS NULL
            """.formatted(BRAND_PAIRS);

    /**
     * New aliases only; the products of the brands they name are reindexed through the outbox, in id order. Those
     * products may belong to any marketplace, so they are locked in id order first, as the translate step locks them:
     * two feeds' runs meeting on the same products wait for each other instead of deadlocking.
     */
    private static final String BRAND_ALIASES = """
            WITH aliases AS (
                INSERT INTO brand_aliases (alias_normalized, brand_id)
                SELECT a.alias, b.id
                FROM (%s) p
                JOIN brands b ON b.normalized_name = p.latin_normalized
                CROSS JOIN LATERAL (VALUES (p.zh_normalized), (p.combined_normalized)) AS a (alias)
                WHERE a.alias <> b.normalized_name
                ORDER BY a.alias COLLATE "C"
                ON CONFLICT (alias_normalized) DO NOTHING
                RETURNING alias_normalized),
            locked AS (
                SELECT p.id FROM products p
                JOIN brands b ON b.id = p.brand_id JOIN aliases a ON a.alias_normalized = b.normalized_name
                ORDER BY p.id
                FOR UPDATE OF p),
            bumped AS (
                UPDATE products p SET version = p.version + 1, updated_at = now()
                FROM locked l
                WHERE p.id = l.id
                RETURNING p.id, p.version, p.status, p.marketplace_code, p.external_id)
            INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
            SELECT 'product', c.id::text,
                   CASE WHEN c.status = 'VISIBLE' THEN 'ProductChanged' ELSE 'ProductHidden' END,
                   jsonb_build_object('productId', c.id, 'version', c.version, 'marketplace', c.marketplace_code,
                                      'externalId', c.external_id, 'status', c.status, 'created', false)
            FROM bumped c
            ORDER BY c.id
            """.formatted(BRAND_PAIRS);

    /** One event per merged product, in id order. Parameter: the feed code. */
    private static final String OUTBOX = """
            INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
            SELECT 'product', c.id::text,
                   CASE WHEN c.status = 'VISIBLE' THEN 'ProductChanged' ELSE 'ProductHidden' END,
                   jsonb_build_object('productId', c.id, 'version', c.version, 'marketplace', ?::text,
                                      'externalId', c.external_id, 'status', c.status, 'created', c.inserted)
            FROM merged_products c
            ORDER BY c.id
            """;

    /** The whole merge as one multi-statement round trip; {@link #PRODUCTS_RESULT} is the products' update count. */
    static final String MERGE = String.join(
            ";\n",
            BRANDS,
            CATEGORIES,
            PRODUCTS,
            ANALYZE_MERGED,
            SKUS,
            SKUS_GONE,
            PRICES_AND_STOCK,
            IMAGES_GONE,
            IMAGES,
            ATTRIBUTES_GONE,
            ATTRIBUTES,
            OUTBOX,
            BILINGUAL_BRANDS,
            BRAND_ALIASES);

    static final int PRODUCTS_RESULT = 2;

    /** The parameters of {@link #MERGE}, in order. */
    static Object[] mergeParameters(String feedCode, long jobExecutionId) {
        return new Object[] {feedCode, feedCode, feedCode, feedCode, jobExecutionId, feedCode};
    }
}
