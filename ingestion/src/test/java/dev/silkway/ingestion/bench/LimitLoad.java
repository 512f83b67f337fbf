package dev.silkway.ingestion.bench;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.catalogue.CatalogueSku;
import dev.silkway.ingestion.catalogue.CopyText;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limit: the same pre-normalized rows as the pipeline writes, loaded the plainest bulk way — one COPY per target
 * table into a staging table, then one set-based {@code INSERT … SELECT … ON CONFLICT} per target table (brands,
 * marketplace categories, products with their outbox events, SKUs, prices and stock with their history, images,
 * attributes), all statements in one round trip. No hash lookup, no parsing: nothing but the load.
 */
final class LimitLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String STAGING = """
            CREATE TEMP TABLE limit_products (
                external_id text, category_external_id text, category_name text, category_path text,
                brand_name text, brand_normalized text, title_original text, title_ru text, title_en text,
                description text, rating numeric(3, 2), review_count integer, sales_count bigint, source_url text,
                content_hash bytea) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE limit_skus (
                product_external_id text, external_id text, attributes jsonb, attributes_original jsonb,
                image_url text, amount_minor bigint, list_amount_minor bigint, currency char(3),
                original_amount text, original_unit text, quantity integer, in_stock boolean) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE limit_images (product_external_id text, position smallint, url text)
                ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE limit_attributes (product_external_id text, position smallint, name text, value text)
                ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE limit_ids (id bigint, external_id text) ON COMMIT DELETE ROWS;
            """;

    private static final String MERGE = """
            INSERT INTO brands (name, normalized_name)
            SELECT min(brand_name), brand_normalized FROM limit_products WHERE brand_normalized IS NOT NULL
            GROUP BY brand_normalized ORDER BY brand_normalized COLLATE "C"
            ON CONFLICT (normalized_name) DO NOTHING;
            INSERT INTO marketplace_categories (marketplace_code, external_id, name, full_path)
            SELECT 'pinduoduo', category_external_id, min(category_name), min(category_path) FROM limit_products
            WHERE category_external_id IS NOT NULL GROUP BY category_external_id
            ORDER BY category_external_id COLLATE "C"
            ON CONFLICT (marketplace_code, external_id) DO NOTHING;
            WITH up AS (
                INSERT INTO products AS p (marketplace_code, external_id, category_id, marketplace_category_id,
                    brand_id, title_original, title_ru, title_en, description_original, rating, review_count,
                    sales_count, source_url, content_hash)
                SELECT 'pinduoduo', s.external_id, COALESCE(mc.category_id, u.id), mc.id, b.id, s.title_original,
                       s.title_ru, s.title_en, s.description, s.rating, s.review_count, s.sales_count, s.source_url,
                       s.content_hash
                FROM limit_products s CROSS JOIN (SELECT id FROM categories WHERE code = 'unsorted') u
                LEFT JOIN marketplace_categories mc
                       ON mc.marketplace_code = 'pinduoduo' AND mc.external_id = s.category_external_id
                LEFT JOIN brands b ON b.normalized_name = s.brand_normalized
                ON CONFLICT (marketplace_code, external_id) DO UPDATE SET
                    (category_id, marketplace_category_id, brand_id, title_original, title_ru, title_en,
                     description_original, rating, review_count, sales_count, source_url, content_hash, version,
                     updated_at)
                  = (EXCLUDED.category_id, EXCLUDED.marketplace_category_id, EXCLUDED.brand_id,
                     EXCLUDED.title_original, EXCLUDED.title_ru, EXCLUDED.title_en, EXCLUDED.description_original,
                     EXCLUDED.rating, EXCLUDED.review_count, EXCLUDED.sales_count, EXCLUDED.source_url,
                     EXCLUDED.content_hash, p.version + 1, now())
                WHERE p.content_hash <> EXCLUDED.content_hash
                RETURNING p.id, p.external_id, p.version, p.status, p.xmax = 0 AS inserted),
            events AS (
                INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
                SELECT 'product', id::text, 'ProductChanged',
                       jsonb_build_object('productId', id, 'version', version, 'marketplace', 'pinduoduo',
                                          'externalId', external_id, 'status', status, 'created', inserted)
                FROM up ORDER BY id)
            INSERT INTO limit_ids SELECT id, external_id FROM up;
            INSERT INTO skus AS k (product_id, external_id, attributes, attributes_original, image_url)
            SELECT i.id, s.external_id, s.attributes, s.attributes_original, s.image_url
            FROM limit_skus s JOIN limit_ids i ON i.external_id = s.product_external_id
            ON CONFLICT (product_id, external_id) DO UPDATE SET
                (attributes, attributes_original, image_url, active, updated_at)
              = (EXCLUDED.attributes, EXCLUDED.attributes_original, EXCLUDED.image_url, true, now());
            WITH src AS MATERIALIZED (
                SELECT (SELECT k.id FROM skus k WHERE k.product_id = i.id AND k.external_id = s.external_id) AS sku,
                       s.*
                FROM limit_skus s JOIN limit_ids i ON i.external_id = s.product_external_id),
            price AS (
                INSERT INTO sku_prices AS t (sku_id, amount_minor, list_amount_minor, currency, original_amount,
                    original_unit, job_execution_id)
                SELECT sku, amount_minor, list_amount_minor, currency, original_amount, original_unit, 1 FROM src
                ON CONFLICT (sku_id) DO UPDATE SET
                    (amount_minor, list_amount_minor, currency, original_amount, original_unit, changed_at)
                  = (EXCLUDED.amount_minor, EXCLUDED.list_amount_minor, EXCLUDED.currency,
                     EXCLUDED.original_amount, EXCLUDED.original_unit, now())
                RETURNING t.*),
            price_log AS (
                INSERT INTO sku_price_history (sku_id, amount_minor, list_amount_minor, currency, original_amount,
                    original_unit, job_execution_id)
                SELECT sku_id, amount_minor, list_amount_minor, currency, original_amount, original_unit,
                       job_execution_id FROM price),
            stock AS (
                INSERT INTO sku_stock AS t (sku_id, quantity, in_stock, job_execution_id)
                SELECT sku, quantity, in_stock, 1 FROM src
                ON CONFLICT (sku_id) DO UPDATE SET (quantity, in_stock, changed_at)
                  = (EXCLUDED.quantity, EXCLUDED.in_stock, now())
                RETURNING t.*)
            INSERT INTO sku_stock_history (sku_id, quantity, in_stock, job_execution_id)
            SELECT sku_id, quantity, in_stock, job_execution_id FROM stock;
            INSERT INTO product_images AS t (product_id, position, url)
            SELECT i.id, s.position, s.url FROM limit_images s JOIN limit_ids i ON i.external_id = s.product_external_id
            ON CONFLICT (product_id, position) DO UPDATE SET url = EXCLUDED.url;
            INSERT INTO product_attributes AS t (product_id, position, name, value)
            SELECT i.id, s.position, s.name, s.value
            FROM limit_attributes s JOIN limit_ids i ON i.external_id = s.product_external_id
            ON CONFLICT (product_id, position) DO UPDATE SET (name, value) = (EXCLUDED.name, EXCLUDED.value)
            """;

    private final Connection connection;

    LimitLoad(Connection connection) throws Exception {
        this.connection = connection;
        try (Statement statement = connection.createStatement()) {
            statement.execute(STAGING);
        }
        connection.commit();
    }

    /** Loads one chunk and commits. */
    void load(List<CatalogueOffer> offers) throws Exception {
        CopyText products = new CopyText();
        CopyText skus = new CopyText();
        CopyText images = new CopyText();
        CopyText attributes = new CopyText();
        for (CatalogueOffer o : offers) {
            products.col(o.externalId()).col(o.categoryExternalId()).col(o.categoryName());
            products.col(o.categoryPath()).col(o.brand()).col(o.brandNormalized());
            products.col(o.titleOriginal()).col(o.titleRu()).col(o.titleEn()).col(o.description());
            products.col(o.rating()).col(o.reviewCount()).col(o.salesCount());
            products.col(o.sourceUrl()).col(o.contentHash()).endRow();
            for (CatalogueSku s : o.skus()) {
                skus.col(o.externalId()).col(s.externalId());
                skus.col(JSON.writeValueAsString(s.attributes())).col(JSON.writeValueAsString(s.attributesOriginal()));
                skus.col(s.imageUrl())
                        .col(s.amountMinor())
                        .col(s.listAmountMinor())
                        .col(s.currency());
                skus.col(s.originalAmount()).col(s.originalUnit()).col(s.quantity());
                skus.col(s.inStock() ? "t" : "f").endRow();
            }
            for (int i = 0; i < o.images().size(); i++) {
                images.col(o.externalId()).col(i).col(o.images().get(i)).endRow();
            }
            for (int i = 0; i < o.attributes().size(); i++) {
                CatalogueOffer.Attribute a = o.attributes().get(i);
                attributes
                        .col(o.externalId())
                        .col(i)
                        .col(a.name())
                        .col(a.value())
                        .endRow();
            }
        }
        copy("limit_products", products);
        copy("limit_skus", skus);
        copy("limit_images", images);
        copy("limit_attributes", attributes);
        try (Statement statement = connection.createStatement()) {
            statement.execute(MERGE);
        }
        connection.commit();
    }

    private void copy(String table, CopyText rows) throws Exception {
        if (!rows.isEmpty()) {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
        }
    }
}
