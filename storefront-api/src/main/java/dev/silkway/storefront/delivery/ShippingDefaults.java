package dev.silkway.storefront.delivery;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-category default weight and size, for SKUs whose feed gives none. */
@Repository
class ShippingDefaults {

    private final JdbcClient jdbc;

    ShippingDefaults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
        return jdbc.sql("""
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
    }

    record Default(String category, int weightGrams, int lengthMm, int widthMm, int heightMm) {}
}
