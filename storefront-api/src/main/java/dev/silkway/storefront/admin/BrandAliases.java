package dev.silkway.storefront.admin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The spellings of each brand ({@code brand_aliases}: a normalized spelling to the brand it means),
 * which the search indexes as one brand: "Anta", "Анта" and "安踏". Feeds add the ones they give (JD's
 * "安踏（ANTA）"); admins edit the list here. A change reindexes the products of every brand involved
 * through the outbox, in the same transaction.
 */
@Component
class BrandAliases {

    private final JdbcClient jdbc;

    BrandAliases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Brand(long id, String name, @Nullable String nameZh, List<String> aliases) {}

    record Page(List<Brand> items, long total) {}

    Page list(@Nullable String q, int page, int size) {
        String like = q == null || q.isBlank() ? "%" : "%" + escape(normalize(q)) + "%";
        List<Brand> items = jdbc.sql("""
                SELECT b.id, b.name, b.name_zh,
                       COALESCE((SELECT array_agg(a.alias_normalized ORDER BY a.alias_normalized)
                                 FROM brand_aliases a WHERE a.brand_id = b.id), '{}') AS aliases
                FROM brands b
                WHERE b.normalized_name LIKE :like OR lower(b.name_zh) LIKE :like
                   OR EXISTS (SELECT 1 FROM brand_aliases a WHERE a.brand_id = b.id AND a.alias_normalized LIKE :like)
                ORDER BY b.normalized_name COLLATE "C"
                LIMIT :size OFFSET :offset
                """)
                .param("like", like)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) ->
                        new Brand(rs.getLong("id"), rs.getString("name"), rs.getString("name_zh"), List.of((String[])
                                rs.getArray("aliases").getArray())))
                .list();
        long total = jdbc.sql("""
                SELECT count(*) FROM brands b
                WHERE b.normalized_name LIKE :like OR lower(b.name_zh) LIKE :like
                   OR EXISTS (SELECT 1 FROM brand_aliases a WHERE a.brand_id = b.id AND a.alias_normalized LIKE :like)
                """).param("like", like).query(Long.class).single();
        return new Page(items, total);
    }

    Optional<Brand> find(long id) {
        return jdbc.sql("""
                SELECT b.id, b.name, b.name_zh,
                       COALESCE((SELECT array_agg(a.alias_normalized ORDER BY a.alias_normalized)
                                 FROM brand_aliases a WHERE a.brand_id = b.id), '{}') AS aliases
                FROM brands b WHERE b.id = :id
                """)
                .param("id", id)
                .query((rs, n) ->
                        new Brand(rs.getLong("id"), rs.getString("name"), rs.getString("name_zh"), List.of((String[])
                                rs.getArray("aliases").getArray())))
                .optional();
    }

    /**
     * Replaces the brand's aliases (and its Chinese name): the brand's own name is never its alias,
     * and an alias of another brand or a brand that is itself an alias is refused. Returns the number
     * of products sent for reindexing, or empty when there is no such brand.
     */
    Optional<Integer> replace(long brandId, @Nullable String nameZh, List<String> spellings) {
        Optional<Brand> brand = find(brandId);
        if (brand.isEmpty()) {
            return Optional.empty();
        }
        String own = normalize(brand.get().name());
        jdbc.sql(
                        "SELECT b.name FROM brand_aliases a JOIN brands b ON b.id = a.brand_id WHERE a.alias_normalized = :own")
                .param("own", own)
                .query(String.class)
                .optional()
                .ifPresent(canonical -> {
                    throw BrandAliasTaken.brandIsAnAlias(canonical);
                });
        Set<String> aliases = new LinkedHashSet<>();
        for (String spelling : spellings) {
            String alias = normalize(spelling);
            if (!alias.isEmpty() && !alias.equals(own)) {
                aliases.add(alias);
            }
        }
        String[] wanted = aliases.toArray(String[]::new);
        jdbc.sql("""
                SELECT a.alias_normalized, b.name FROM brand_aliases a JOIN brands b ON b.id = a.brand_id
                WHERE a.alias_normalized = ANY (:aliases) AND a.brand_id <> :brand
                ORDER BY a.alias_normalized LIMIT 1
                """)
                .param("aliases", wanted)
                .param("brand", brandId)
                .query((rs, n) -> BrandAliasTaken.byOtherBrand(rs.getString(1), rs.getString(2)))
                .optional()
                .ifPresent(taken -> {
                    throw taken;
                });
        jdbc.sql("""
                SELECT b.name FROM brands b
                WHERE b.normalized_name = ANY (:aliases) AND b.id <> :brand
                  AND EXISTS (SELECT 1 FROM brand_aliases a WHERE a.brand_id = b.id)
                ORDER BY b.normalized_name LIMIT 1
                """)
                .param("aliases", wanted)
                .param("brand", brandId)
                .query(String.class)
                .optional()
                .ifPresent(other -> {
                    throw BrandAliasTaken.namesABrandWithAliases(other);
                });
        String[] before = brand.get().aliases().toArray(String[]::new);
        jdbc.sql("UPDATE brands SET name_zh = :zh WHERE id = :brand")
                .param("zh", nameZh == null || nameZh.isBlank() ? null : nameZh.strip())
                .param("brand", brandId)
                .update();
        jdbc.sql("DELETE FROM brand_aliases WHERE brand_id = :brand AND NOT alias_normalized = ANY (:aliases)")
                .param("brand", brandId)
                .param("aliases", wanted)
                .update();
        jdbc.sql("""
                INSERT INTO brand_aliases (alias_normalized, brand_id)
                SELECT a, :brand FROM unnest(CAST(:aliases AS text[])) AS a ORDER BY a COLLATE "C"
                ON CONFLICT (alias_normalized) DO NOTHING
                """).param("brand", brandId).param("aliases", wanted).update();
        return Optional.of(reindex(brandId, before, wanted));
    }

    /** The products of the brand and of every brand named by an old or new alias: a new version and an outbox event each. */
    private int reindex(long brandId, String[] before, String[] after) {
        return jdbc.sql("""
                WITH bumped AS (
                    UPDATE products p SET version = p.version + 1, updated_at = now()
                    FROM brands b
                    WHERE p.brand_id = b.id
                      AND (b.id = :brand OR b.normalized_name = ANY (:before) OR b.normalized_name = ANY (:after))
                    RETURNING p.id, p.version, p.status, p.marketplace_code, p.external_id)
                INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
                SELECT 'product', c.id::text,
                       CASE WHEN c.status = 'VISIBLE' THEN 'ProductChanged' ELSE 'ProductHidden' END,
                       jsonb_build_object('productId', c.id, 'version', c.version, 'marketplace', c.marketplace_code,
                                          'externalId', c.external_id, 'status', c.status, 'created', false)
                FROM bumped c
                ORDER BY c.id
                """)
                .param("brand", brandId)
                .param("before", before)
                .param("after", after)
                .update();
    }

    /** The dedup key of brands and aliases: trimmed, lower-cased, inner whitespace collapsed (see V4 brands). */
    static String normalize(String spelling) {
        return spelling.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static String escape(String like) {
        return like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
