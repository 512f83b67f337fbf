package dev.silkway.storefront.delivery;

import dev.silkway.storefront.reference.Expiring;
import dev.silkway.storefront.reference.ReferenceDataProperties;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per-category default weight and size, for SKUs whose feed gives none: a category without defaults of its own
 * takes its nearest ancestor's. A handful of rows that every quote and product page reads: kept in memory for the
 * reference data's time to live, dropped here when an admin saves one.
 */
@Repository
class ShippingDefaults {

    /** Where neither the category nor any ancestor has defaults: 1 kg, 300x300x200 mm. */
    private static final ByPath NONE = new ByPath("", 0, 1_000, 300L * 300 * 200);

    private final JdbcClient jdbc;
    private final Expiring<Boolean, List<ByPath>> kept;

    ShippingDefaults(JdbcClient jdbc, ReferenceDataProperties reference) {
        this.jdbc = jdbc;
        this.kept = reference.expiring();
    }

    /** The defaults of a category at {@code path}: its own, else its nearest ancestor's, else 1 kg, 300x300x200 mm. */
    ByPath nearest(String path) {
        @Nullable ByPath nearest = null;
        for (ByPath candidate : kept.get(true, all -> Optional.of(byPath())).orElseThrow()) {
            String own = candidate.path();
            boolean covers =
                    path.startsWith(own) && (path.length() == own.length() || path.charAt(own.length()) == '/');
            if (covers && (nearest == null || candidate.depth() > nearest.depth())) {
                nearest = candidate;
            }
        }
        return nearest == null ? NONE : nearest;
    }

    private List<ByPath> byPath() {
        return jdbc.sql("""
                        SELECT c.path, c.depth, d.weight_grams, d.length_mm::bigint * d.width_mm * d.height_mm
                        FROM category_shipping_defaults d JOIN categories c ON c.id = d.category_id""")
                .query((rs, n) -> new ByPath(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4)))
                .list();
    }

    /** A category's defaults by its path and depth, its size as a volume in mm³. */
    record ByPath(String path, int depth, int weightGrams, long volume) {}

    List<Default> all() {
        return jdbc.sql("""
                        SELECT c.code, d.weight_grams, d.length_mm, d.width_mm, d.height_mm
                        FROM category_shipping_defaults d JOIN categories c ON c.id = d.category_id
                        ORDER BY c.path""")
                .query((rs, n) -> new Default(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    /** Sets the defaults of a category; false when there is no such category. */
    boolean save(Default value, UUID by) {
        boolean saved = jdbc.sql("""
                        INSERT INTO category_shipping_defaults (category_id, weight_grams, length_mm, width_mm, height_mm,
                                                                updated_by)
                        SELECT id, :grams, :l, :w, :h, :by FROM categories WHERE code = :code
                        ON CONFLICT (category_id) DO UPDATE SET weight_grams = EXCLUDED.weight_grams,
                            length_mm = EXCLUDED.length_mm, width_mm = EXCLUDED.width_mm, height_mm = EXCLUDED.height_mm,
                            updated_at = now(), updated_by = EXCLUDED.updated_by""")
                        .param("grams", value.weightGrams())
                        .param("l", value.lengthMm())
                        .param("w", value.widthMm())
                        .param("h", value.heightMm())
                        .param("by", by)
                        .param("code", value.category())
                        .update()
                == 1;
        kept.clear();
        return saved;
    }

    record Default(String category, int weightGrams, int lengthMm, int widthMm, int heightMm) {}
}
