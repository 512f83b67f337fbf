package dev.silkway.storefront.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.silkway.elastic.product.ProductIndex;
import dev.silkway.elastic.search.ProductDocument;
import dev.silkway.elastic.search.ProductDocuments;
import dev.silkway.elastic.search.RatingPrior;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Products written the way ingestion writes them (catalogue rows plus an outbox event), then
 * indexed the way the indexer indexes them (the same {@link ProductDocuments}, external versions).
 */
final class CatalogueFixture {

    static final RatingPrior PRIOR = new RatingPrior(20, 4.0);

    private final JdbcClient jdbc;
    private final ProductDocuments documents;
    private final ElasticsearchClient elastic;

    CatalogueFixture(JdbcClient jdbc, DataSource dataSource, ElasticsearchClient elastic) {
        this.jdbc = jdbc;
        this.documents = new ProductDocuments(dataSource, PRIOR);
        this.elastic = elastic;
    }

    record Product(
            String marketplace,
            String category,
            @Nullable String brand,
            @Nullable String titleRu,
            @Nullable String titleEn,
            String titleZh,
            long priceFen,
            @Nullable Double rating,
            int reviews,
            boolean inStock) {}

    /** The CNY rate of today (RUB per yuan). */
    void cnyRate(String rate) {
        jdbc.sql("""
                INSERT INTO exchange_rates (currency, rate_date, nominal, rate, unit_rate)
                VALUES ('CNY', CURRENT_DATE, 1, :r, :r)
                ON CONFLICT (currency, rate_date) DO UPDATE SET rate = EXCLUDED.rate, unit_rate = EXCLUDED.unit_rate
                """).param("r", new BigDecimal(rate)).update();
    }

    /** Drops the product index and creates it empty behind its alias. */
    void emptyIndex() {
        try {
            for (String index : elastic.indices()
                    .get(g -> g.index(ProductIndex.ALIAS + "_v*")
                            .ignoreUnavailable(true)
                            .allowNoIndices(true))
                    .indices()
                    .keySet()) {
                elastic.indices().delete(d -> d.index(index));
            }
            new ProductIndex(elastic).createIfMissing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long insert(Product p) {
        Long brandId = p.brand() == null
                ? null
                : jdbc.sql("""
                        INSERT INTO brands (name, normalized_name) VALUES (:name, lower(:name))
                        ON CONFLICT (normalized_name) DO UPDATE SET name = brands.name RETURNING id
                        """).param("name", p.brand()).query(Long.class).single();
        long id = jdbc.sql("""
                INSERT INTO products (marketplace_code, external_id, category_id, brand_id, title_original, title_ru,
                                      title_en, description_ru, rating, review_count, sales_count, source_url,
                                      content_hash, version)
                SELECT :marketplace, :external, c.id, :brand, :zh, :ru, :en, 'Описание: ' || coalesce(:ru, :zh),
                       :rating, :reviews, :reviews * 3, 'https://item.example/' || :external, decode('00', 'hex'), 1
                FROM categories c WHERE c.code = :category
                RETURNING id
                """)
                .param("marketplace", p.marketplace())
                .param("external", UUID.randomUUID().toString())
                .param("category", p.category())
                .param("brand", brandId)
                .param("zh", p.titleZh())
                .param("ru", p.titleRu())
                .param("en", p.titleEn())
                .param("rating", p.rating())
                .param("reviews", p.reviews())
                .query(Long.class)
                .single();
        for (String size : List.of("41", "42")) {
            long sku = jdbc.sql("""
                    INSERT INTO skus (product_id, external_id, attributes)
                    VALUES (:p, :e, CAST(:a AS jsonb)) RETURNING id
                    """)
                    .param("p", id)
                    .param("e", "sku-" + id + "-" + size)
                    .param("a", "{\"size\":\"" + size + "\",\"colour\":\"black\"}")
                    .query(Long.class)
                    .single();
            long fen = "41".equals(size) ? p.priceFen() : p.priceFen() + 1_000;
            jdbc.sql("""
                    INSERT INTO sku_prices (sku_id, amount_minor, currency, original_amount, original_unit)
                    VALUES (:sku, :amount, 'CNY', CAST(:amount AS text), 'MINOR')
                    """).param("sku", sku).param("amount", fen).update();
            jdbc.sql("INSERT INTO sku_stock (sku_id, quantity, in_stock) VALUES (:sku, :q, :s)")
                    .param("sku", sku)
                    .param("q", p.inStock() ? 3 : 0)
                    .param("s", p.inStock())
                    .update();
        }
        jdbc.sql(
                        "INSERT INTO product_images (product_id, position, url) VALUES (:p, 0, 'https://img.example/' || :p || '.jpg')")
                .param("p", id)
                .update();
        jdbc.sql(
                        "INSERT INTO product_attributes (product_id, position, name, value) VALUES (:p, 0, 'Материал', 'текстиль')")
                .param("p", id)
                .update();
        jdbc.sql("""
                INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
                VALUES ('product', :id, 'ProductChanged', CAST(:payload AS jsonb))
                """)
                .param("id", Long.toString(id))
                .param("payload", "{\"productId\":" + id + ",\"version\":1}")
                .update();
        return id;
    }

    /** Inserts the products, indexes them as the indexer would, and waits for the refresh. */
    List<Long> insertAndIndex(List<Product> products) {
        List<Long> ids = new ArrayList<>();
        for (Product p : products) {
            ids.add(insert(p));
        }
        index(ids);
        return ids;
    }

    void index(List<Long> ids) {
        List<BulkOperation> operations = new ArrayList<>();
        for (ProductDocument d : documents.load(ids)) {
            if (d.searchable()) {
                operations.add(BulkOperation.of(b -> b.index(i -> i.index(ProductIndex.ALIAS)
                        .id(d.id())
                        .version(d.version())
                        .versionType(VersionType.ExternalGte)
                        .document(d.source()))));
            } else {
                operations.add(BulkOperation.of(b -> b.delete(x -> x.index(ProductIndex.ALIAS)
                        .id(d.id())
                        .version(d.version())
                        .versionType(VersionType.ExternalGte))));
            }
        }
        try {
            BulkResponse response = elastic.bulk(b -> b.operations(operations).refresh(Refresh.WaitFor));
            if (response.errors()) {
                throw new IllegalStateException("Fixture not indexed: " + response.items());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
