package dev.silkway.db;

import static dev.silkway.db.Violations.assertViolates;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Returns, support tickets and reviews. */
class AftersalesSchemaIT {

    private static JdbcTemplate jdbc;
    private static ValidRows rows;

    @BeforeAll
    static void database() {
        jdbc = MigratedDatabase.fresh("aftersales_schema");
        rows = new ValidRows(jdbc);
    }

    private static int review(long product, UUID shopper, int rating) {
        return jdbc.update(
                "INSERT INTO product_reviews (product_id, user_id, rating, body) VALUES (?, ?, ?, 'Размер в размер')",
                product,
                shopper,
                rating);
    }

    @Test
    void rejectsAReviewRatingOfSix() {
        long product = rows.product("poizon");
        UUID shopper = rows.user();

        assertViolates("product_reviews_rating_check", () -> review(product, shopper, 6));
    }

    @Test
    void rejectsAReviewRatingOfZero() {
        long product = rows.product("poizon");
        UUID shopper = rows.user();

        assertViolates("product_reviews_rating_check", () -> review(product, shopper, 0));
    }

    @Test
    void rejectsASecondReviewOfOneProductByOneShopper() {
        long product = rows.product("taobao");
        UUID shopper = rows.user();
        review(product, shopper, 5);

        assertViolates("uq_product_reviews_product_user", () -> review(product, shopper, 1));
    }

    @Test
    void rejectsASecondRatingOfOneMarketplaceByOneShopper() {
        UUID shopper = rows.user();
        String rate = "INSERT INTO marketplace_ratings (marketplace_code, user_id, rating) VALUES ('jd', ?, ?)";
        jdbc.update(rate, shopper, 4);

        assertViolates("uq_marketplace_ratings_marketplace_user", () -> jdbc.update(rate, shopper, 5));
    }

    @Test
    void rejectsAReturnLineOfAnOrderLineThatDoesNotExist() {
        UUID shopper = rows.user();
        UUID returnId = jdbc.queryForObject("""
                INSERT INTO returns (order_id, user_id, reason, description)
                VALUES (?, ?, 'DAMAGED', 'The box arrived crushed') RETURNING id""", UUID.class, rows.order(shopper), shopper);

        assertViolates(
                "return_lines_order_line_id_fkey",
                () -> jdbc.update(
                        "INSERT INTO return_lines (return_id, order_line_id, quantity) VALUES (?, -1, 1)", returnId));
    }

    @Test
    void rejectsAnUnknownReturnReason() {
        UUID shopper = rows.user();
        UUID order = rows.order(shopper);

        assertViolates(
                "returns_reason_check",
                () -> jdbc.update(
                        "INSERT INTO returns (order_id, user_id, reason, description) VALUES (?, ?, 'CHANGED_MIND', 'x')",
                        order,
                        shopper));
    }

    @Test
    void rejectsAShopperMessageWithoutItsAuthor() {
        UUID ticket = jdbc.queryForObject("""
                INSERT INTO support_tickets (user_id, category, subject)
                VALUES (?, 'DELIVERY_COMPLAINT', 'Посылка задерживается') RETURNING id""", UUID.class, rows.user());

        assertViolates(
                "ck_support_messages_author",
                () -> jdbc.update(
                        "INSERT INTO support_messages (ticket_id, author_role, body) VALUES (?, 'SHOPPER', 'Где посылка?')",
                        ticket));
    }
}
