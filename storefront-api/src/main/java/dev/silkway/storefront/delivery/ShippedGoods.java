package dev.silkway.storefront.delivery;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Weight, size, category and seller of SKUs: the feed's figures where it gave them, else those of
 * the nearest category up the tree with shipping defaults (then marked estimated).
 */
@Component
public class ShippedGoods {

    private final JdbcClient jdbc;

    ShippedGoods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Goods> of(Collection<Long> skuIds) {
        Map<Long, Goods> goods = new LinkedHashMap<>();
        if (skuIds.isEmpty()) {
            return goods;
        }
        jdbc.sql("""
                        SELECT k.id AS sku_id, p.id AS product_id,
                               concat_ws(' ', p.title_original, p.title_ru, p.title_en) AS titles, c.path,
                               p.marketplace_code || ':' || COALESCE(p.seller_external_id, p.seller_name, '') AS seller,
                               k.weight_grams, k.length_mm::bigint * k.width_mm * k.height_mm AS volume,
                               d.weight_grams AS default_grams,
                               d.length_mm::bigint * d.width_mm * d.height_mm AS default_volume
                        FROM skus k
                        JOIN products p ON p.id = k.product_id
                        JOIN categories c ON c.id = p.category_id
                        LEFT JOIN LATERAL (
                            SELECT sd.* FROM category_shipping_defaults sd JOIN categories a ON a.id = sd.category_id
                            WHERE c.path = a.path OR c.path LIKE a.path || '/%'
                            ORDER BY a.depth DESC LIMIT 1) d ON true
                        WHERE k.id = ANY(?)""").param(skuIds.toArray(Long[]::new)).query(rs -> {
            Integer grams = rs.getObject("weight_grams", Integer.class);
            Long volume = rs.getObject("volume", Long.class);
            int defaultGrams =
                    rs.getObject("default_grams", Integer.class) == null ? 1_000 : rs.getInt("default_grams");
            long defaultVolume = rs.getObject("default_volume", Long.class) == null
                    ? 300L * 300 * 200
                    : rs.getLong("default_volume");
            long skuId = rs.getLong("sku_id");
            goods.put(
                    skuId,
                    new Goods(
                            skuId,
                            rs.getLong("product_id"),
                            rs.getString("titles"),
                            rs.getString("path"),
                            grams == null ? defaultGrams : grams,
                            volume == null ? defaultVolume : volume,
                            grams == null || volume == null,
                            rs.getString("seller")));
        });
        return goods;
    }
}
