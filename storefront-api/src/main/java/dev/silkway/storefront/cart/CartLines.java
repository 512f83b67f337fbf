package dev.silkway.storefront.cart;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a cart's lines joined with the catalogue as it is now: price, stock less the units held by
 * open orders, and whether the SKU and its product can still be sold.
 */
@Component
class CartLines {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CartLines(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static final String LINES = """
            SELECT i.cart_id, i.id, i.sku_id, k.product_id, i.quantity, i.seen_price_minor,
                   COALESCE(NULLIF(p.title_ru, ''), NULLIF(p.title_en, ''), p.title_original) AS title,
                   k.attributes::text AS attributes, COALESCE(k.image_url, img.url) AS image_url,
                   sp.amount_minor, sp.currency, ss.quantity AS stock, ss.in_stock,
                   COALESCE(h.held, 0) AS held, (p.status = 'VISIBLE' AND k.active) AS sellable
            FROM cart_items i
            JOIN skus k ON k.id = i.sku_id
            JOIN products p ON p.id = k.product_id
            LEFT JOIN sku_prices sp ON sp.sku_id = k.id
            LEFT JOIN sku_stock ss ON ss.sku_id = k.id
            LEFT JOIN sku_holds h ON h.sku_id = k.id
            LEFT JOIN product_images img ON img.product_id = p.id AND img.position = 0
            """;

    List<CartLine> of(UUID cartId) {
        return jdbc.sql(LINES + "WHERE i.cart_id = ? ORDER BY i.added_at, i.id")
                .param(cartId)
                .query(this::line)
                .list();
    }

    /** The shopper's cart (null when it has no lines) and its lines, in one query. */
    Cart ofUser(UUID userId) {
        List<UUID> cartIds = new ArrayList<>(1);
        List<CartLine> lines = jdbc.sql(
                        LINES + "WHERE i.cart_id = (SELECT id FROM carts WHERE user_id = ?) ORDER BY i.added_at, i.id")
                .param(userId)
                .query((rs, n) -> {
                    if (n == 0) {
                        cartIds.add(rs.getObject("cart_id", UUID.class));
                    }
                    return line(rs, n);
                })
                .list();
        return Cart.of(cartIds.isEmpty() ? null : cartIds.getFirst(), lines);
    }

    private CartLine line(ResultSet rs, int row) throws SQLException {
        Long price = rs.getObject("amount_minor", Long.class);
        boolean priced = price != null && "CNY".equals(rs.getString("currency"));
        boolean unavailable = !rs.getBoolean("sellable") || !priced;
        return new CartLine(
                rs.getObject("id", UUID.class),
                rs.getLong("product_id"),
                rs.getLong("sku_id"),
                rs.getString("title"),
                attributes(rs.getString("attributes")),
                rs.getString("image_url"),
                rs.getInt("quantity"),
                priced ? price : null,
                rs.getObject("seen_price_minor", Long.class),
                available(rs),
                unavailable);
    }

    /** A SKU of the product that can be sold now, with its price and the units available. */
    Optional<OnSale> onSale(long productId, long skuId) {
        return jdbc.sql("""
                        SELECT sp.amount_minor, ss.quantity AS stock, ss.in_stock, COALESCE(h.held, 0) AS held
                        FROM skus k
                        JOIN products p ON p.id = k.product_id
                        JOIN sku_prices sp ON sp.sku_id = k.id AND sp.currency = 'CNY'
                        LEFT JOIN sku_stock ss ON ss.sku_id = k.id
                        LEFT JOIN sku_holds h ON h.sku_id = k.id
                        WHERE k.id = ? AND k.product_id = ? AND k.active AND p.status = 'VISIBLE'""")
                .params(skuId, productId)
                .query((rs, n) -> new OnSale(rs.getLong("amount_minor"), available(rs)))
                .optional();
    }

    Optional<OnSale> onSale(long skuId) {
        return jdbc.sql("SELECT product_id FROM skus WHERE id = ?")
                .param(skuId)
                .query(Long.class)
                .optional()
                .flatMap(productId -> onSale(productId, skuId));
    }

    record OnSale(long priceFen, @Nullable Integer available) {

        /** The most units of it a line may hold. */
        int cap(int maxQuantity) {
            return available == null ? maxQuantity : Math.min(maxQuantity, available);
        }
    }

    /**
     * Units on sale: the counted stock less the units open orders hold, 0 when out of stock, null when
     * the marketplace gives no count.
     */
    static @Nullable Integer available(ResultSet rs) throws SQLException {
        Integer stock = rs.getObject("stock", Integer.class);
        Boolean inStock = rs.getObject("in_stock", Boolean.class);
        if (inStock == null || !inStock) {
            return 0;
        }
        return stock == null ? null : Math.max(0, stock - rs.getInt("held"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> attributes(@Nullable String raw) {
        return raw == null ? Map.of() : json.readValue(raw, LinkedHashMap.class);
    }
}
