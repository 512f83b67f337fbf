package dev.silkway.db;

import static dev.silkway.db.Violations.assertViolates;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class PaymentsSchemaIT {

    private static JdbcTemplate jdbc;
    private static ValidRows rows;

    @BeforeAll
    static void database() {
        jdbc = MigratedDatabase.fresh("payments_schema");
        rows = new ValidRows(jdbc);
    }

    @Test
    void rejectsAnUnknownPaymentMethod() {
        UUID order = rows.order(rows.user());

        assertViolates("payments_method_check", () -> jdbc.update("""
                        INSERT INTO payments (order_id, provider, method, amount_minor, currency)
                        VALUES (?, 'STRIPE', 'CASH', 130000, 'RUB')""", order));
    }

    @Test
    void rejectsTheSameProviderPaymentIdTwice() {
        UUID payment = rows.payment(rows.order(rows.user()));
        UUID other = rows.payment(rows.order(rows.user()));

        assertViolates("uq_payments_provider_payment_id", () -> jdbc.update("""
                        UPDATE payments SET provider_payment_id = (SELECT provider_payment_id FROM payments WHERE id = ?)
                        WHERE id = ?""", payment, other));
    }

    @Test
    void rejectsRefundingMoreThanWasPaid() {
        UUID payment = rows.payment(rows.order(rows.user()));

        assertViolates(
                "ck_payments_refunded_within_amount",
                () -> jdbc.update("UPDATE payments SET refunded_minor = amount_minor + 1 WHERE id = ?", payment));
    }

    @Test
    void rejectsANegativeRefund() {
        UUID payment = rows.payment(rows.order(rows.user()));

        assertViolates(
                "refunds_amount_minor_check",
                () -> jdbc.update(
                        "INSERT INTO refunds (payment_id, amount_minor, currency) VALUES (?, -100, 'RUB')", payment));
    }

    @Test
    void rejectsCryptoFieldsOnACardPayment() {
        UUID payment = rows.payment(rows.order(rows.user()));

        assertViolates(
                "ck_payments_crypto_fields",
                () -> jdbc.update(
                        "UPDATE payments SET pay_currency = 'usdttrc20', pay_amount = '17.25' WHERE id = ?", payment));
    }

    @Test
    void allowsOneSucceededPaymentPerOrder() {
        UUID order = rows.order(rows.user());
        UUID first = rows.payment(order);
        UUID second = jdbc.queryForObject("""
                        INSERT INTO payments (order_id, provider, method, amount_minor, currency, attempt)
                        VALUES (?, 'YOOKASSA', 'CARD', 130000, 'RUB', 2) RETURNING id""", UUID.class, order);
        jdbc.update("UPDATE payments SET status = 'SUCCEEDED' WHERE id = ?", first);

        assertViolates(
                "uq_payments_one_succeeded_per_order",
                () -> jdbc.update("UPDATE payments SET status = 'SUCCEEDED' WHERE id = ?", second));
        assertViolates(
                "uq_payments_order_attempt", () -> jdbc.update("UPDATE payments SET attempt = 1 WHERE id = ?", second));
    }

    @Test
    void storesAWebhookEventDeliveredTwiceOnlyOnce() {
        String receive = """
                INSERT INTO payment_webhook_events (provider, dedup_key, event_type, provider_payment_id, payload)
                VALUES ('STRIPE', 'evt_1PqX2L2eZvKYlo2C', 'payment_intent.succeeded', 'pi_3PqX', '{"id": "evt_1PqX2L2eZvKYlo2C"}')
                ON CONFLICT ON CONSTRAINT uq_payment_webhook_events_dedup DO NOTHING""";

        assertThat(jdbc.update(receive)).isEqualTo(1);
        assertThat(jdbc.update(receive)).isZero();
    }

    @Test
    void refusesToDeleteAnOrderThatHasPayments() {
        UUID order = rows.order(rows.user());
        rows.payment(order);

        assertViolates("payments_order_id_fkey", () -> jdbc.update("DELETE FROM orders WHERE id = ?", order));
    }
}
