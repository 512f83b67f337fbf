package dev.silkway.db;

import static dev.silkway.db.ValidRows.bytes;
import static dev.silkway.db.Violations.assertViolates;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Notifications, push subscriptions, promotions and discount alerts. */
class EngagementSchemaIT {

    private static JdbcTemplate jdbc;
    private static ValidRows rows;

    @BeforeAll
    static void database() {
        jdbc = MigratedDatabase.fresh("engagement_schema");
        rows = new ValidRows(jdbc);
    }

    @Test
    void rejectsAnEmailWithoutARecipient() {
        UUID shopper = rows.user();

        assertViolates(
                "ck_notifications_recipient",
                () -> jdbc.update(
                        "INSERT INTO notifications (user_id, channel, kind, template) VALUES (?, 'EMAIL', 'ORDER_STATUS', 'order.shipped')",
                        shopper));
    }

    @Test
    void rejectsAnEncryptedRecipientWithoutItsKeyId() {
        assertViolates("ck_notifications_key_id", () -> jdbc.update("""
                        INSERT INTO notifications (channel, kind, template, recipient_enc)
                        VALUES ('EMAIL', 'PASSWORD_RESET', 'account.password-reset', ?)""", bytes(48)));
    }

    @Test
    void storesANotificationProducedTwiceOnlyOnce() {
        UUID shopper = rows.user();
        String produce = """
                INSERT INTO notifications (user_id, channel, kind, template, dedup_key)
                VALUES (?, 'PUSH', 'ORDER_STATUS', 'order.shipped', ?)
                ON CONFLICT ON CONSTRAINT uq_notifications_dedup_key DO NOTHING""";
        String dedupKey = "order:" + UUID.randomUUID() + ":status:SHIPPED:PUSH";

        assertThat(jdbc.update(produce, shopper, dedupKey)).isEqualTo(1);
        assertThat(jdbc.update(produce, shopper, dedupKey)).isZero();
    }

    @Test
    void rejectsASentNotificationWithoutItsSendingTime() {
        UUID shopper = rows.user();

        assertViolates(
                "ck_notifications_sent",
                () -> jdbc.update(
                        "INSERT INTO notifications (user_id, channel, kind, template, status) VALUES (?, 'PUSH', 'PROMOTIONS', 'promo.weekly', 'SENT')",
                        shopper));
    }

    @Test
    void rejectsAWebPushSubscriptionWithoutItsKeys() {
        UUID shopper = rows.user();

        assertViolates(
                "ck_push_subscriptions_web_push_keys",
                () -> jdbc.update(
                        "INSERT INTO push_subscriptions (user_id, kind, endpoint) VALUES (?, 'WEB_PUSH', 'https://fcm.googleapis.com/fcm/send/abc')",
                        shopper));
    }

    @Test
    void rejectsAnUnknownNotificationChannel() {
        UUID shopper = rows.user();

        assertViolates(
                "notification_preferences_channel_check",
                () -> jdbc.update(
                        "INSERT INTO notification_preferences (user_id, channel, kind, enabled) VALUES (?, 'TELEGRAM', 'ORDER_STATUS', true)",
                        shopper));
    }

    @Test
    void rejectsAPromotionThatEndsBeforeItStarts() {
        assertViolates("ck_promotions_period", () -> jdbc.update("""
                        INSERT INTO promotions (slug, title_ru, title_en, discount_kind, percent_off, scope, starts_at, ends_at)
                        VALUES ('backwards', 'Скидка', 'Sale', 'PERCENT', 10, 'ALL', now(), now() - interval '1 day')"""));
    }

    @Test
    void rejectsAPercentageAboveOneHundred() {
        assertViolates("promotions_percent_off_check", () -> jdbc.update("""
                        INSERT INTO promotions (slug, title_ru, title_en, discount_kind, percent_off, scope, starts_at, ends_at)
                        VALUES ('too-generous', 'Скидка', 'Sale', 'PERCENT', 120, 'ALL', now(), now() + interval '7 days')"""));
    }

    @Test
    void rejectsACategoryPromotionWithoutItsCategory() {
        assertViolates("ck_promotions_scope_target", () -> jdbc.update("""
                        INSERT INTO promotions (slug, title_ru, title_en, discount_kind, percent_off, scope, starts_at, ends_at)
                        VALUES ('shoes-week', 'Неделя обуви', 'Shoe week', 'PERCENT', 15, 'CATEGORY', now(), now() + interval '7 days')"""));
    }

    @Test
    void rejectsTheSamePriceAlertTwice() {
        UUID shopper = rows.user();
        long product = rows.product("jd");
        String subscribe = """
                INSERT INTO discount_alerts (user_id, kind, product_id, target_price_minor, currency)
                VALUES (?, 'PRICE_DROP', ?, 99900, 'CNY')""";
        jdbc.update(subscribe, shopper, product);

        assertViolates("uq_discount_alerts_user_target", () -> jdbc.update(subscribe, shopper, product));
    }
}
