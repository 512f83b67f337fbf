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

    /**
     * The shopper's cart for a write, in one statement: created on first use (two first uses at once
     * create one cart), else touched, and either way locked until the transaction ends.
     */
    UUID lockOfUser(UUID userId) {
        return jdbc.sql("""
                        INSERT INTO carts (user_id) VALUES (?)
                        ON CONFLICT (user_id) DO UPDATE SET updated_at = now() RETURNING id""").param(userId).query(UUID.class).single();
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

    /** How many lines the cart has, and its line of the SKU if it has one. */
    Occupancy occupancy(UUID cartId, long skuId) {
        return jdbc.sql("""
                        SELECT count(*) AS lines, (array_agg(id) FILTER (WHERE sku_id = :sku))[1] AS item_id,
                               sum(quantity) FILTER (WHERE sku_id = :sku) AS quantity
                        FROM cart_items WHERE cart_id = :cart""")
                .param("cart", cartId)
                .param("sku", skuId)
                .query((rs, n) -> {
                    UUID itemId = rs.getObject("item_id", UUID.class);
                    return new Occupancy(
                            rs.getInt("lines"),
                            itemId == null
                                    ? Optional.empty()
                                    : Optional.of(new Item(itemId, skuId, rs.getInt("quantity"))));
                })
                .single();
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
    void acknowledgePricesOfUser(UUID userId) {
        jdbc.sql("""
                        UPDATE cart_items i SET seen_price_minor = sp.amount_minor, seen_currency = sp.currency
                        FROM carts c, sku_prices sp
                        WHERE c.user_id = ? AND i.cart_id = c.id AND sp.sku_id = i.sku_id
                          AND i.seen_price_minor IS DISTINCT FROM sp.amount_minor""").param(userId).update();
    }

    /** Takes the SKUs out of the shopper's cart (one statement: the cart is found by its user). */
    void deleteItemsOfSkusOfUser(UUID userId, Long[] skuIds) {
        jdbc.sql("""
                        DELETE FROM cart_items i USING carts c
                        WHERE c.user_id = ? AND i.cart_id = c.id AND i.sku_id = ANY(?)""").params(userId, skuIds).update();
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

    record Occupancy(int lines, Optional<Item> ofSku) {}
}
