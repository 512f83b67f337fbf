package dev.silkway.elastic.search;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads products from PostgreSQL, the source of truth, and turns them into index documents: titles
 * and descriptions per language, the category's path and its ancestors, brand, marketplace, the
 * lowest price of the active SKUs (in-stock ones first), stock, rating with its Bayesian average,
 * and the completion inputs. Plain JDBC so that the indexer, the reindex and the tests share it.
 */
public final class ProductDocuments {

    /**
     * The brand is the canonical one: a brand whose normalized name is another brand's alias ({@code
     * brand_aliases}) is indexed as that brand, so that Anta, Анта and 安踏 are one brand in the index.
     */
    private static final String LOAD = """
            SELECT p.id, p.version, p.status, p.marketplace_code, p.external_id, p.title_original, p.title_ru,
                   p.title_en, p.description_original, p.description_ru, p.description_en, p.rating,
                   p.review_count, p.sales_count, p.source_url, p.created_at, p.updated_at, b.id AS brand_id,
                   b.name AS brand, b.name_zh AS brand_zh, own.name AS own_brand,
                   (SELECT array_agg(a.alias_normalized) FROM brand_aliases a WHERE a.brand_id = b.id)
                       AS brand_aliases,
                   p.category_id, c.path AS category_path,
                   (SELECT i.url FROM product_images i WHERE i.product_id = p.id ORDER BY i.position LIMIT 1)
                       AS image_url,
                   (SELECT array_agg(DISTINCT v.value) FROM skus k
                        CROSS JOIN LATERAL (SELECT value FROM jsonb_each_text(k.attributes)
                                            UNION SELECT value FROM jsonb_each_text(k.attributes_original)) v
                    WHERE k.product_id = p.id AND k.active) AS sku_values,
                   pr.price_minor, pr.currency, pr.in_stock
            FROM products p
            JOIN categories c ON c.id = p.category_id
            LEFT JOIN brands own ON own.id = p.brand_id
            LEFT JOIN brand_aliases canonical ON canonical.alias_normalized = own.normalized_name
            LEFT JOIN brands b ON b.id = COALESCE(canonical.brand_id, own.id)
            LEFT JOIN LATERAL (
                SELECT COALESCE(min(sp.amount_minor) FILTER (WHERE ss.in_stock), min(sp.amount_minor)) AS price_minor,
                       min(sp.currency) AS currency,
                       COALESCE(bool_or(ss.in_stock), false) AS in_stock
                FROM skus k
                LEFT JOIN sku_prices sp ON sp.sku_id = k.id
                LEFT JOIN sku_stock ss ON ss.sku_id = k.id
                WHERE k.product_id = p.id AND k.active) pr ON true
            WHERE p.id = ANY (?)
            """;

    private static final String VISIBLE_AFTER =
            "SELECT id FROM products WHERE status = 'VISIBLE' AND id > ? ORDER BY id LIMIT ?";

    private final DataSource dataSource;
    private final RatingPrior prior;
    private final CategoryLineage categories = new CategoryLineage();

    public ProductDocuments(DataSource dataSource, RatingPrior prior) {
        this.dataSource = dataSource;
        this.prior = prior;
    }

    /**
     * The current state of these products, one entry per id in the given order: a document for a
     * visible product, none for any other (and for an id no longer in the database, version 0).
     */
    public List<ProductDocument> load(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ProductDocument> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(LOAD)) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            statement.setArray(1, array);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ProductDocument document = toDocument(connection, rows);
                    found.put(document.productId(), document);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read products from PostgreSQL", e);
        }
        List<ProductDocument> documents = new ArrayList<>(ids.size());
        for (Long id : new LinkedHashSet<>(ids)) {
            documents.add(found.getOrDefault(id, new ProductDocument(id, 0, null)));
        }
        return documents;
    }

    /** Keyset pagination over the visible products in id order: the ids after {@code afterId}. */
    public List<Long> visibleIdsAfter(long afterId, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(VISIBLE_AFTER)) {
            statement.setLong(1, afterId);
            statement.setInt(2, limit);
            List<Long> ids = new ArrayList<>(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read product ids from PostgreSQL", e);
        }
    }

    private ProductDocument toDocument(Connection connection, ResultSet row) throws SQLException {
        long id = row.getLong("id");
        long version = row.getLong("version");
        if (!"VISIBLE".equals(row.getString("status"))) {
            return new ProductDocument(id, version, null);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("productId", Long.toString(id));
        doc.put("marketplace", row.getString("marketplace_code"));
        doc.put("sourceId", row.getString("external_id"));
        put(doc, "sourceUrl", row.getString("source_url"));
        put(doc, "imageUrl", row.getString("image_url"));
        String title = row.getString("title_original");
        String titleRu = row.getString("title_ru");
        String titleEn = row.getString("title_en");
        doc.put("title", title);
        put(doc, "titleRu", titleRu);
        put(doc, "titleEn", titleEn);
        put(doc, "description", row.getString("description_original"));
        put(doc, "descriptionRu", row.getString("description_ru"));
        put(doc, "descriptionEn", row.getString("description_en"));
        String brand = row.getString("brand");
        put(doc, "brand", brand);
        long brandId = row.getLong("brand_id");
        if (!row.wasNull()) {
            doc.put("brandId", Long.toString(brandId));
            doc.put(
                    "brandNames",
                    names(
                            brand,
                            row.getString("brand_zh"),
                            row.getString("own_brand"),
                            strings(row.getArray("brand_aliases"))));
        }
        String path = row.getString("category_path");
        List<CategoryLineage.Category> lineage = categories.of(connection, path);
        doc.put("categoryId", Long.toString(row.getLong("category_id")));
        doc.put("categoryIds", lineage.stream().map(c -> Long.toString(c.id())).toList());
        doc.put("categoryPath", path);
        doc.put(
                "categoryRu",
                lineage.reversed().stream()
                        .map(CategoryLineage.Category::nameRu)
                        .toList());
        doc.put(
                "categoryEn",
                lineage.reversed().stream()
                        .map(CategoryLineage.Category::nameEn)
                        .toList());
        List<String> zh = lineage.reversed().stream()
                .map(CategoryLineage.Category::nameZh)
                .filter(n -> n != null)
                .toList();
        if (!zh.isEmpty()) {
            doc.put("categoryZh", zh);
        }
        List<String> skuValues = strings(row.getArray("sku_values"));
        if (!skuValues.isEmpty()) {
            doc.put("attributes", skuValues);
        }
        long price = row.getLong("price_minor");
        if (!row.wasNull()) {
            doc.put("priceMinor", price);
            doc.put("currency", row.getString("currency").trim());
        }
        double rating = row.getDouble("rating");
        Double ratingOrNull = row.wasNull() ? null : rating;
        long reviews = row.getLong("review_count");
        if (ratingOrNull != null) {
            doc.put("rating", ratingOrNull);
        }
        doc.put("ratingBayes", prior.bayesian(ratingOrNull, reviews));
        doc.put("reviewCount", reviews);
        doc.put("sales", row.getLong("sales_count"));
        doc.put("inStock", row.getBoolean("in_stock"));
        doc.put("createdAt", instant(row.getTimestamp("created_at")));
        doc.put("updatedAt", instant(row.getTimestamp("updated_at")));
        doc.put("suggest", suggest(reviews, titleRu, titleEn, title, brand));
        doc.put("categorySuggest", categorySuggest(lineage));
        return new ProductDocument(id, version, doc);
    }

    /** Completion inputs of the category suggester: the names of the category and its ancestors in every language. */
    private static Map<String, Object> categorySuggest(List<CategoryLineage.Category> lineage) {
        Set<String> names = new LinkedHashSet<>();
        for (CategoryLineage.Category category : lineage.reversed()) {
            names.add(category.nameRu());
            names.add(category.nameEn());
            if (category.nameZh() != null) {
                names.add(category.nameZh());
            }
        }
        return Map.of("input", List.copyOf(names));
    }

    /**
     * Completion inputs: each title and the brand, and each title again from its 2nd..6th word on,
     * so that typing a word in the middle of a title ("кросс" for "Мужские кроссовки") completes it.
     */
    private static Map<String, Object> suggest(long reviews, @Nullable String... inputs) {
        Set<String> clean = new LinkedHashSet<>();
        for (String input : inputs) {
            String text = ProductSearchRequests.cleanText(input);
            if (text == null) {
                continue;
            }
            clean.add(shorten(text));
            int from = 0;
            for (int word = 1; word < 6; word++) {
                from = text.indexOf(' ', from) + 1;
                if (from <= 0 || from >= text.length()) {
                    break;
                }
                clean.add(shorten(text.substring(from)));
            }
        }
        Map<String, Object> suggest = new LinkedHashMap<>();
        suggest.put("input", List.copyOf(clean));
        suggest.put("weight", (int) Math.min(reviews + 1, 1_000_000));
        return suggest;
    }

    private static String shorten(String text) {
        return text.length() > 100 ? text.substring(0, 100) : text;
    }

    /** Every distinct non-blank name, in order: the canonical brand, its Chinese name, the product's own spelling, the aliases. */
    private static List<String> names(
            @Nullable String brand, @Nullable String brandZh, @Nullable String ownBrand, List<String> aliases) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : new String[] {brand, brandZh, ownBrand}) {
            if (name != null && !name.isBlank()) {
                names.add(name);
            }
        }
        names.addAll(aliases);
        return List.copyOf(names);
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            if (value instanceof String s && !s.isBlank()) {
                strings.add(s);
            }
        }
        return strings;
    }

    private static void put(Map<String, Object> doc, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            doc.put(field, value);
        }
    }

    private static String instant(Timestamp timestamp) {
        return timestamp.toInstant().toString();
    }
}
