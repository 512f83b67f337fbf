package dev.silkway.db;

import static dev.silkway.db.Violations.assertRequires;
import static dev.silkway.db.Violations.assertViolates;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class OrdersSchemaIT {

    private static JdbcTemplate jdbc;
    private static ValidRows rows;

    @BeforeAll
    static void database() {
        jdbc = MigratedDatabase.fresh("orders_schema");
        rows = new ValidRows(jdbc);
    }

    @Test
    void rejectsAnOrderLineWithoutAnOrder() {
        assertRequires("order_id", () -> jdbc.update("""
                        INSERT INTO order_lines (line_no, marketplace_code, external_product_id, external_sku_id, title,
                                                 quantity, source_unit_price_minor, unit_price_minor, currency,
                                                 line_total_minor)
                        VALUES (1, 'jd', '1', '1', 'Xiaomi 14', 1, 399900, 4500000, 'RUB', 4500000)"""));
    }

    @Test
    void rejectsAnOrderLineOfAnOrderThatDoesNotExist() {
        assertViolates("order_lines_order_id_fkey", () -> rows.orderLine(UUID.randomUUID(), 1));
    }

    @Test
    void rejectsTheSameIdempotencyKeyTwiceForOneShopper() {
        UUID shopper = rows.user();
        rows.order(shopper, "checkout-7f3a");

        assertViolates("uq_orders_user_idempotency_key", () -> rows.order(shopper, "checkout-7f3a"));
    }

    @Test
    void acceptsTheSameIdempotencyKeyFromAnotherShopper() {
        rows.order(rows.user(), "checkout-91bc");

        assertThat(rows.order(rows.user(), "checkout-91bc")).isNotNull();
    }

    @Test
    void rejectsATotalThatIsNotTheSumOfItsParts() {
        UUID order = rows.order(rows.user());

        assertViolates(
                "ck_orders_total_is_sum",
                () -> jdbc.update("UPDATE orders SET total_minor = total_minor + 1 WHERE id = ?", order));
    }

    @Test
    void rejectsAnUnknownDeliveryMethod() {
        UUID order = rows.order(rows.user());

        assertViolates(
                "orders_delivery_method_check",
                () -> jdbc.update("UPDATE orders SET delivery_method = 'RAIL' WHERE id = ?", order));
    }

    @Test
    void rejectsAnUnknownOrderStatus() {
        UUID order = rows.order(rows.user());

        assertViolates("ck_orders_status", () -> jdbc.update("UPDATE orders SET status = 'LOST' WHERE id = ?", order));
    }

    @Test
    void rejectsALineTotalThatIsNotUnitPriceTimesQuantity() {
        long line = rows.orderLine(rows.order(rows.user()), 1);

        assertViolates(
                "ck_order_lines_total", () -> jdbc.update("UPDATE order_lines SET quantity = 3 WHERE id = ?", line));
    }

    @Test
    void rejectsAZeroQuantity() {
        long line = rows.orderLine(rows.order(rows.user()), 1);

        assertViolates(
                "order_lines_quantity_check",
                () -> jdbc.update("UPDATE order_lines SET quantity = 0, line_total_minor = 0 WHERE id = ?", line));
    }

    @Test
    void rejectsAStatusChangeToTheSameStatus() {
        UUID order = rows.order(rows.user());

        assertViolates("ck_order_status_history_changes", () -> jdbc.update("""
                        INSERT INTO order_status_history (order_id, from_status, to_status, source)
                        VALUES (?, 'PAID', 'PAID', 'PAYMENT')""", order));
    }

    @Test
    void keepsAnOrderWhenTheShopperDeletesItsAddress() {
        UUID shopper = rows.user();
        UUID address = rows.address(shopper, false);
        UUID order = rows.order(shopper);
        jdbc.update("UPDATE orders SET address_id = ? WHERE id = ?", address, order);

        jdbc.update("DELETE FROM addresses WHERE id = ?", address);

        assertThat(jdbc.queryForMap("SELECT address_id, shipping_country FROM orders WHERE id = ?", order))
                .containsEntry("address_id", null)
                .containsEntry("shipping_country", "RU");
    }

    @Test
    void refusesToDeleteAShopperWhoHasOrders() {
        UUID shopper = rows.user();
        rows.order(shopper);

        assertViolates("orders_user_id_fkey", () -> jdbc.update("DELETE FROM users WHERE id = ?", shopper));
    }

    @Test
    void rejectsTheSameSkuTwiceInOneCart() {
        UUID cart = jdbc.queryForObject("INSERT INTO carts (user_id) VALUES (?) RETURNING id", UUID.class, rows.user());
        long sku = rows.sku(rows.product("taobao"));
        String addItem = "INSERT INTO cart_items (cart_id, sku_id, quantity) VALUES (?, ?, 1)";
        jdbc.update(addItem, cart, sku);

        assertViolates("uq_cart_items_cart_sku", () -> jdbc.update(addItem, cart, sku));
    }
}
