package dev.silkway.storefront.catalogue;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Marketplaces and brands as reference data: the list shoppers see and the check of facet values. */
@Component
class Marketplaces {

    /** Marketplaces and brands are never deleted while products refer to them: a found value stays valid. */
    private static final int MAX_REMEMBERED = 100_000;

    private final JdbcClient jdbc;
    private final Set<String> knownMarketplaces = ConcurrentHashMap.newKeySet();
    private final Set<String> knownBrands = ConcurrentHashMap.newKeySet();

    Marketplaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record MarketplaceView(
            String code, String name, @Nullable BigDecimal rating, long productCount) {}

    /**
     * Enabled marketplaces that have visible products, with our shoppers' average rating and that count: a feed an
     * admin has just declared (disabled, empty or failing) is not shown to shoppers.
     */
    List<MarketplaceView> list() {
        return jdbc.sql("""
                SELECT code, name, rating, product_count FROM (
                    SELECT m.code, m.name,
                           (SELECT round(avg(r.rating), 2) FROM marketplace_ratings r WHERE r.marketplace_code = m.code)
                               AS rating,
                           (SELECT count(*) FROM products p WHERE p.marketplace_code = m.code AND p.status = 'VISIBLE')
                               AS product_count
                    FROM marketplaces m WHERE m.enabled) listed
                WHERE product_count > 0 ORDER BY code
                """).query(MarketplaceView.class).list();
    }

    /** The given marketplace codes that do not exist (codes found once are remembered). */
    Set<String> unknownMarketplaces(Collection<String> codes) {
        return unknown(codes, knownMarketplaces, "SELECT code FROM marketplaces WHERE code IN (:values)");
    }

    /** The given brand names that no brand has (names found once are remembered). */
    Set<String> unknownBrands(Collection<String> names) {
        return unknown(names, knownBrands, "SELECT name FROM brands WHERE name IN (:values)");
    }

    private Set<String> unknown(Collection<String> values, Set<String> known, String sql) {
        List<String> toCheck = values.stream().filter(v -> !known.contains(v)).toList();
        if (toCheck.isEmpty()) {
            return Set.of();
        }
        Set<String> found = Set.copyOf(
                jdbc.sql(sql).param("values", toCheck).query(String.class).list());
        if (known.size() < MAX_REMEMBERED) {
            known.addAll(found);
        }
        return toCheck.stream().filter(v -> !found.contains(v)).collect(Collectors.toSet());
    }
}
