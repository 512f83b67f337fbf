package dev.silkway.storefront.catalogue;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** The product page, read from PostgreSQL (the source of truth), not from the index. Visible products only. */
@Component
class ProductPages {

    private final JdbcClient jdbc;
    private final ExchangeRates rates;
    private final ObjectMapper json;
    private final CategoryTree categories;

    ProductPages(JdbcClient jdbc, ExchangeRates rates, ObjectMapper json, CategoryTree categories) {
        this.jdbc = jdbc;
        this.rates = rates;
        this.json = json;
        this.categories = categories;
    }

    record CategoryRef(String code, String path, String name) {}

    record Sku(
            String skuId,
            Map<String, Object> attributes,
            Views.@Nullable Price price,
            @Nullable Integer stock,
            boolean inStock) {}

    record Attribute(String name, String value) {}

    /**
     * The product page: {@code title}, {@code description} and the category's names in the shopper's
     * language (the original where there is no translation); {@code categoryPath} holds the codes from
     * the root and {@code categoryPathNames} their names.
     */
    record ProductPage(
            String id,
            String title,
            String titleOriginal,
            @Nullable String description,
            @Nullable String brand,
            String marketplace,
            CategoryRef category,
            List<String> categoryPath,
            List<String> categoryPathNames,
            List<String> images,
            List<Attribute> attributes,
            List<Sku> skus,
            Views.@Nullable Price price,
            @Nullable BigDecimal rating,
            long reviewCount,
            @Nullable String sourceUrl,
            String updatedAt) {}

    Optional<ProductPage> find(long id, ShopperLanguage language) {
        BigDecimal rate = rates.cnyRate();
        return jdbc.sql("""
                SELECT p.id, p.title_original, p.title_ru, p.title_en, p.description_original, p.description_ru,
                       p.description_en, b.name AS brand, p.marketplace_code, c.code AS category_code, c.path,
                       p.rating, p.review_count, p.source_url, p.updated_at
                FROM products p
                JOIN categories c ON c.id = p.category_id
                LEFT JOIN brands own ON own.id = p.brand_id
                LEFT JOIN brand_aliases alias ON alias.alias_normalized = own.normalized_name
                LEFT JOIN brands b ON b.id = COALESCE(alias.brand_id, own.id)
                WHERE p.id = :id AND p.status = 'VISIBLE'
                """)
                .param("id", id)
                .query((rs, row) -> page(rs, rate, language))
                .optional();
    }

    private ProductPage page(ResultSet rs, BigDecimal rate, ShopperLanguage language) throws SQLException {
        long id = rs.getLong("id");
        List<String> images = jdbc.sql("SELECT url FROM product_images WHERE product_id = :id ORDER BY position")
                .param("id", id)
                .query(String.class)
                .list();
        List<Attribute> attributes = jdbc.sql(
                        "SELECT name, value FROM product_attributes WHERE product_id = :id ORDER BY position")
                .param("id", id)
                .query(Attribute.class)
                .list();
        List<Sku> skus = jdbc.sql("""
                SELECT k.id, COALESCE(k.attributes_ru, k.attributes)::text AS attributes, sp.amount_minor, ss.quantity,
                       COALESCE(ss.in_stock, false) AS in_stock
                FROM skus k
                LEFT JOIN sku_prices sp ON sp.sku_id = k.id
                LEFT JOIN sku_stock ss ON ss.sku_id = k.id
                WHERE k.product_id = :id AND k.active
                ORDER BY k.id
                """)
                .param("id", id)
                .query((r, n) -> {
                    long fen = r.getLong("amount_minor");
                    Views.Price price = r.wasNull() ? null : price(fen, rate);
                    Integer quantity = r.getObject("quantity", Integer.class);
                    return new Sku(
                            Long.toString(r.getLong("id")),
                            attributes(r.getString("attributes")),
                            price,
                            quantity,
                            r.getBoolean("in_stock"));
                })
                .list();
        Views.Price lowest = jdbc.sql("""
                SELECT COALESCE(min(sp.amount_minor) FILTER (WHERE ss.in_stock), min(sp.amount_minor))
                FROM skus k JOIN sku_prices sp ON sp.sku_id = k.id LEFT JOIN sku_stock ss ON ss.sku_id = k.id
                WHERE k.product_id = :id AND k.active
                """)
                .param("id", id)
                .query(Long.class)
                .optional()
                .map(fen -> price(fen, rate))
                .orElse(null);
        String path = rs.getString("path");
        String titleOriginal = rs.getString("title_original");
        String descriptionOriginal = rs.getString("description_original");
        List<String> codes = List.of(path.split("/"));
        List<String> names = codes.stream()
                .map(code -> categories.byCode(code).map(c -> c.name(language)).orElse(code))
                .toList();
        return new ProductPage(
                Long.toString(id),
                language.pick(rs.getString("title_ru"), rs.getString("title_en"), titleOriginal),
                titleOriginal,
                descriptionOriginal == null
                        ? first(rs.getString("description_ru"), rs.getString("description_en"))
                        : language.pick(
                                rs.getString("description_ru"), rs.getString("description_en"), descriptionOriginal),
                rs.getString("brand"),
                rs.getString("marketplace_code"),
                new CategoryRef(rs.getString("category_code"), path, names.getLast()),
                codes,
                names,
                images,
                attributes,
                skus,
                lowest,
                rs.getBigDecimal("rating"),
                rs.getLong("review_count"),
                rs.getString("source_url"),
                rs.getTimestamp("updated_at").toInstant().toString());
    }

    private Views.Price price(long fen, BigDecimal rate) {
        return Views.Price.of(rates.toRub(fen, rate), ExchangeRates.toCny(fen));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> attributes(@Nullable String raw) {
        return raw == null ? Map.of() : json.readValue(raw, LinkedHashMap.class);
    }

    private static @Nullable String first(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
