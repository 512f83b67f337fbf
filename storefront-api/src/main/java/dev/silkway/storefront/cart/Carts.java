package dev.silkway.storefront.cart;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Carts and their items. Writers lock the cart row first, so a cart's writes never interleave. */
@Repository
class Carts {

    private final JdbcClient jdbc;

    Carts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> ofUser(UUID userId) {
        return jdbc.sql("SELECT id FROM carts WHERE user_id = ?")
                .param(userId)
                .query(UUID.class)
                .optional();
    }

    Optional<UUID> ofToken(byte[] tokenHash) {
        return jdbc.sql("SELECT id FROM carts WHERE token_hash = ?")
                .param(tokenHash)
                .query(UUID.class)
                .optional();
    }

    /** The shopper's cart, created on first use (two first uses at once create one cart). */
    UUID ofUserCreating(UUID userId) {
        jdbc.sql("INSERT INTO carts (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING")
                .param(userId)
                .update();
        return ofUser(userId).orElseThrow();
    }

    UUID createGuest(byte[] tokenHash) {
        return jdbc.sql("INSERT INTO carts (token_hash) VALUES (?) RETURNING id")
                .param(tokenHash)
                .query(UUID.class)
                .single();
    }

    void lock(UUID cartId) {
        jdbc.sql("SELECT id FROM carts WHERE id = ? FOR UPDATE")
                .param(cartId)
                .query(UUID.class)
                .single();
    }

    void touch(UUID cartId) {
        jdbc.sql("UPDATE carts SET updated_at = now() WHERE id = ?")
                .param(cartId)
                .update();
    }

    int lineCount(UUID cartId) {
        return jdbc.sql("SELECT count(*) FROM cart_items WHERE cart_id = ?")
                .param(cartId)
                .query(Integer.class)
                .single();
    }

    Optional<Item> item(UUID cartId, UUID itemId) {
        return jdbc.sql("SELECT id, sku_id, quantity FROM cart_items WHERE id = ? AND cart_id = ?")
                .params(itemId, cartId)
                .query((rs, n) -> new Item(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3)))
                .optional();
    }

    Optional<Item> itemOfSku(UUID cartId, long skuId) {
        return jdbc.sql("SELECT id, sku_id, quantity FROM cart_items WHERE cart_id = ? AND sku_id = ?")
                .params(cartId, skuId)
                .query((rs, n) -> new Item(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3)))
                .optional();
    }

    List<Item> items(UUID cartId) {
        return jdbc.sql("SELECT id, sku_id, quantity FROM cart_items WHERE cart_id = ? ORDER BY added_at, id")
                .param(cartId)
                .query((rs, n) -> new Item(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3)))
                .list();
    }

    void insertItem(UUID cartId, long skuId, int quantity, long seenPriceFen) {
        jdbc.sql("""
                        INSERT INTO cart_items (cart_id, sku_id, quantity, seen_price_minor, seen_currency)
                        VALUES (?, ?, ?, ?, 'CNY')""").params(cartId, skuId, quantity, seenPriceFen).update();
    }

    /** Sets the quantity and records the price the shopper now sees. */
    void updateItem(UUID itemId, int quantity, long seenPriceFen) {
        jdbc.sql("""
                        UPDATE cart_items SET quantity = ?, seen_price_minor = ?, seen_currency = 'CNY', updated_at = now()
                        WHERE id = ?""").params(quantity, seenPriceFen, itemId).update();
    }

    void deleteItem(UUID itemId) {
        jdbc.sql("DELETE FROM cart_items WHERE id = ?").param(itemId).update();
    }

    /** The shopper has seen the current prices (a quote was given on them). */
    void acknowledgePrices(UUID cartId) {
        jdbc.sql("""
                        UPDATE cart_items i SET seen_price_minor = sp.amount_minor, seen_currency = sp.currency
                        FROM sku_prices sp
                        WHERE i.cart_id = ? AND sp.sku_id = i.sku_id
                          AND i.seen_price_minor IS DISTINCT FROM sp.amount_minor""").param(cartId).update();
    }

    void deleteItemsOfSkus(UUID cartId, Long[] skuIds) {
        jdbc.sql("DELETE FROM cart_items WHERE cart_id = ? AND sku_id = ANY(?)")
                .params(cartId, skuIds)
                .update();
    }

    void delete(UUID cartId) {
        jdbc.sql("DELETE FROM carts WHERE id = ?").param(cartId).update();
    }

    int deleteGuestCartsUntouchedSince(Instant before) {
        return jdbc.sql("DELETE FROM carts WHERE user_id IS NULL AND updated_at < ?")
                .param(OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .update();
    }

    record Item(UUID id, long skuId, int quantity) {}
}
