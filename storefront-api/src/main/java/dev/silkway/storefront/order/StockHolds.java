package dev.silkway.storefront.order;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Units held by open orders (V68 {@code sku_holds}). A hold is one conditional upsert: the SKU's
 * first hold inserts its row, every later one updates it, and the update only happens while
 * {@code held + n <= stock}, checked against the row as the previous hold left it (the conflicting
 * row is locked before the condition is evaluated), so no interleaving holds more than the counted
 * stock. One statement, because the row's lock is held until the order's transaction commits: the
 * placement takes it last.
 */
@Repository
class StockHolds {

    private final JdbcClient jdbc;

    StockHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds {@code quantity} units of the SKU; false (nothing held) when there are not that many. */
    boolean hold(long skuId, int quantity) {
        return jdbc.sql("""
                        INSERT INTO sku_holds AS h (sku_id, held)
                        SELECT s.sku_id, :n FROM sku_stock s
                        WHERE s.sku_id = :sku AND s.in_stock AND (s.quantity IS NULL OR :n <= s.quantity)
                        ON CONFLICT (sku_id) DO UPDATE SET held = h.held + EXCLUDED.held, updated_at = now()
                        WHERE EXISTS (SELECT 1 FROM sku_stock s WHERE s.sku_id = h.sku_id AND s.in_stock
                                      AND (s.quantity IS NULL OR h.held + EXCLUDED.held <= s.quantity))""").param("n", quantity).param("sku", skuId).update() == 1;
    }

    /** Gives back what the order holds, once: the order's flag is cleared by the same transaction. */
    void release(UUID orderId) {
        boolean held = jdbc.sql("UPDATE orders SET holds_stock = false WHERE id = ? AND holds_stock")
                        .param(orderId)
                        .update()
                == 1;
        if (!held) {
            return;
        }
        jdbc.sql("""
                        UPDATE sku_holds h SET held = GREATEST(0, h.held - l.quantity), updated_at = now()
                        FROM (SELECT sku_id, sum(quantity)::integer AS quantity FROM order_lines
                              WHERE order_id = ? AND sku_id IS NOT NULL GROUP BY sku_id) l
                        WHERE h.sku_id = l.sku_id""").param(orderId).update();
    }
}
