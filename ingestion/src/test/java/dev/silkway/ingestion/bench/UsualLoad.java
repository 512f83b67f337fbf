package dev.silkway.ingestion.bench;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.catalogue.CatalogueSku;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.database.ItemPreparedStatementSetter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The usual way: Spring Batch's {@code JdbcBatchItemWriter}, one {@code INSERT … ON CONFLICT} per row and target
 * table, batched by the driver, one transaction per chunk. It writes the same rows as the pipeline: brands,
 * marketplace categories, products with their outbox event, SKUs, prices and stock with their history, images and
 * attributes; a child row finds its parent through the parent's unique key.
 */
final class UsualLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record SkuRow(CatalogueOffer offer, CatalogueSku sku) {}

    record ListRow(CatalogueOffer offer, int position, String name, String value) {}

    private static final String PRODUCT = """
            SELECT p.id FROM products p WHERE p.marketplace_code = 'pinduoduo' AND p.external_id = ?""";

    private static final String SKU = """
            SELECT k.id FROM skus k JOIN products p ON p.id = k.product_id
            WHERE p.marketplace_code = 'pinduoduo' AND p.external_id = ? AND k.external_id = ?""";

    private final JdbcBatchItemWriter<CatalogueOffer> brands;
    private final JdbcBatchItemWriter<CatalogueOffer> categories;
    private final JdbcBatchItemWriter<CatalogueOffer> products;
    private final JdbcBatchItemWriter<SkuRow> skus;
    private final JdbcBatchItemWriter<SkuRow> prices;
    private final JdbcBatchItemWriter<SkuRow> stock;
    private final JdbcBatchItemWriter<ListRow> images;
    private final JdbcBatchItemWriter<ListRow> attributes;
    private final TransactionTemplate transactions;

    UsualLoad(DataSource dataSource) {
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        brands = writer(dataSource, """
                INSERT INTO brands (name, normalized_name) VALUES (?, ?) ON CONFLICT (normalized_name) DO NOTHING
                """, (o, ps) -> {
            ps.setString(1, o.brand());
            ps.setString(2, o.brandNormalized());
        });
        categories = writer(dataSource, """
                INSERT INTO marketplace_categories (marketplace_code, external_id, name, full_path)
                VALUES ('pinduoduo', ?, ?, ?) ON CONFLICT (marketplace_code, external_id) DO NOTHING
                """, (o, ps) -> {
            ps.setString(1, o.categoryExternalId());
            ps.setString(2, o.categoryName());
            ps.setString(3, o.categoryPath());
        });
        products = writer(dataSource, """
                WITH up AS (
                    INSERT INTO products AS p (marketplace_code, external_id, category_id, marketplace_category_id,
                        brand_id, title_original, title_ru, title_en, description_original, rating, review_count,
                        sales_count, source_url, content_hash)
                    SELECT 'pinduoduo', ?, COALESCE(mc.category_id, (SELECT id FROM categories WHERE code = 'unsorted')),
                           mc.id, (SELECT id FROM brands WHERE normalized_name = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?
                    FROM (SELECT 1) one
                    LEFT JOIN marketplace_categories mc
                           ON mc.marketplace_code = 'pinduoduo' AND mc.external_id = ?
                    ON CONFLICT (marketplace_code, external_id) DO UPDATE SET
                        (category_id, marketplace_category_id, brand_id, title_original, title_ru, title_en,
                         description_original, rating, review_count, sales_count, source_url, content_hash,
                         version, updated_at)
                      = (EXCLUDED.category_id, EXCLUDED.marketplace_category_id, EXCLUDED.brand_id,
                         EXCLUDED.title_original, EXCLUDED.title_ru, EXCLUDED.title_en, EXCLUDED.description_original,
                         EXCLUDED.rating, EXCLUDED.review_count, EXCLUDED.sales_count, EXCLUDED.source_url,
                         EXCLUDED.content_hash, p.version + 1, now())
                    WHERE p.content_hash <> EXCLUDED.content_hash
                    RETURNING p.id, p.external_id, p.version, p.status, p.xmax = 0 AS inserted)
                INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
                SELECT 'product', CAST(id AS text), 'ProductChanged',
                       jsonb_build_object('productId', id, 'version', version, 'marketplace', 'pinduoduo',
                                          'externalId', external_id, 'status', status, 'created', inserted)
                FROM up
                """, (o, ps) -> {
            Object[] values = {
                o.externalId(), o.brandNormalized(), o.titleOriginal(), o.titleRu(), o.titleEn(), o.description(),
                o.rating(), o.reviewCount(), o.salesCount(), o.sourceUrl(), o.contentHash(), o.categoryExternalId()
            };
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
        });
        skus = writer(dataSource, """
                INSERT INTO skus AS k (product_id, external_id, attributes, attributes_original, image_url)
                SELECT (%s), ?, CAST(? AS jsonb), CAST(? AS jsonb), ?
                ON CONFLICT (product_id, external_id) DO UPDATE SET
                    (attributes, attributes_original, image_url, active, updated_at)
                  = (EXCLUDED.attributes, EXCLUDED.attributes_original, EXCLUDED.image_url, true, now())
                """.formatted(PRODUCT), (r, ps) -> {
            ps.setString(1, r.offer().externalId());
            ps.setString(2, r.sku().externalId());
            ps.setString(3, JSON.writeValueAsString(r.sku().attributes()));
            ps.setString(4, JSON.writeValueAsString(r.sku().attributesOriginal()));
            ps.setString(5, r.sku().imageUrl());
        });
        prices = writer(dataSource, """
                WITH up AS (
                    INSERT INTO sku_prices AS t (sku_id, amount_minor, list_amount_minor, currency, original_amount,
                        original_unit, job_execution_id)
                    SELECT (%s), ?, ?, ?, ?, ?, 1
                    ON CONFLICT (sku_id) DO UPDATE SET
                        (amount_minor, list_amount_minor, currency, original_amount, original_unit, changed_at)
                      = (EXCLUDED.amount_minor, EXCLUDED.list_amount_minor, EXCLUDED.currency,
                         EXCLUDED.original_amount, EXCLUDED.original_unit, now())
                    RETURNING t.*)
                INSERT INTO sku_price_history (sku_id, amount_minor, list_amount_minor, currency, original_amount,
                    original_unit, job_execution_id)
                SELECT sku_id, amount_minor, list_amount_minor, currency, original_amount, original_unit,
                       job_execution_id FROM up
                """.formatted(SKU), (r, ps) -> {
            ps.setString(1, r.offer().externalId());
            ps.setString(2, r.sku().externalId());
            ps.setLong(3, r.sku().amountMinor());
            ps.setObject(4, r.sku().listAmountMinor());
            ps.setString(5, r.sku().currency());
            ps.setString(6, r.sku().originalAmount());
            ps.setString(7, r.sku().originalUnit());
        });
        stock = writer(dataSource, """
                WITH up AS (
                    INSERT INTO sku_stock AS t (sku_id, quantity, in_stock, job_execution_id)
                    SELECT (%s), ?, ?, 1
                    ON CONFLICT (sku_id) DO UPDATE SET (quantity, in_stock, changed_at)
                      = (EXCLUDED.quantity, EXCLUDED.in_stock, now())
                    RETURNING t.*)
                INSERT INTO sku_stock_history (sku_id, quantity, in_stock, job_execution_id)
                SELECT sku_id, quantity, in_stock, job_execution_id FROM up
                """.formatted(SKU), (r, ps) -> {
            ps.setString(1, r.offer().externalId());
            ps.setString(2, r.sku().externalId());
            ps.setObject(3, r.sku().quantity());
            ps.setBoolean(4, r.sku().inStock());
        });
        images = writer(dataSource, """
                INSERT INTO product_images (product_id, position, url) SELECT (%s), ?, ?
                ON CONFLICT (product_id, position) DO UPDATE SET url = EXCLUDED.url
                """.formatted(PRODUCT), UsualLoad::setListRow);
        attributes = writer(dataSource, """
                INSERT INTO product_attributes (product_id, position, name, value) SELECT (%s), ?, ?, ?
                ON CONFLICT (product_id, position) DO UPDATE SET (name, value) = (EXCLUDED.name, EXCLUDED.value)
                """.formatted(PRODUCT), UsualLoad::setListRow);
    }

    /** Loads one chunk in one transaction. */
    void load(List<CatalogueOffer> offers) {
        List<CatalogueOffer> branded = new ArrayList<>();
        List<CatalogueOffer> categorized = new ArrayList<>();
        List<SkuRow> skuRows = new ArrayList<>();
        List<ListRow> imageRows = new ArrayList<>();
        List<ListRow> attributeRows = new ArrayList<>();
        for (CatalogueOffer o : offers) {
            if (o.brandNormalized() != null) {
                branded.add(o);
            }
            if (o.categoryExternalId() != null) {
                categorized.add(o);
            }
            o.skus().forEach(s -> skuRows.add(new SkuRow(o, s)));
            for (int i = 0; i < o.images().size(); i++) {
                imageRows.add(new ListRow(o, i, o.images().get(i), null));
            }
            for (int i = 0; i < o.attributes().size(); i++) {
                CatalogueOffer.Attribute a = o.attributes().get(i);
                attributeRows.add(new ListRow(o, i, a.name(), a.value()));
            }
        }
        transactions.executeWithoutResult(status -> {
            try {
                brands.write(new Chunk<>(branded));
                categories.write(new Chunk<>(categorized));
                products.write(new Chunk<>(offers));
                skus.write(new Chunk<>(skuRows));
                prices.write(new Chunk<>(skuRows));
                stock.write(new Chunk<>(skuRows));
                images.write(new Chunk<>(imageRows));
                attributes.write(new Chunk<>(attributeRows));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void setListRow(ListRow r, java.sql.PreparedStatement ps) throws java.sql.SQLException {
        ps.setString(1, r.offer().externalId());
        ps.setInt(2, r.position());
        ps.setString(3, r.name());
        if (r.value() != null) {
            ps.setString(4, r.value());
        }
    }

    private static <T> JdbcBatchItemWriter<T> writer(
            DataSource dataSource, String sql, ItemPreparedStatementSetter<T> setter) {
        JdbcBatchItemWriter<T> writer = new JdbcBatchItemWriter<>();
        writer.setDataSource(dataSource);
        writer.setSql(sql);
        writer.setItemPreparedStatementSetter(setter);
        writer.setAssertUpdates(false);
        writer.afterPropertiesSet();
        return writer;
    }
}
