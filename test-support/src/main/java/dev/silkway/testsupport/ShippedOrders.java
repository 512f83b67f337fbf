package dev.silkway.testsupport;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders as they stand at hand-over to the carriers (SHIPPED, by air, the delivery line's ETA 10–20
 * days in the snapshot), written straight to PostgreSQL: for the tracking tests of the poller and of
 * the storefront, which begin where fulfilment ends.
 */
public final class ShippedOrders {

    private ShippedOrders() {}

    public static UUID create(JdbcClient jdbc, UUID shopper) {
        byte[] address = new byte[16];
        ThreadLocalRandom.current().nextBytes(address);
        return jdbc.sql("""
                INSERT INTO orders (user_id, idempotency_key, status, delivery_method, payment_method,
                    shipping_country, shipping_address_enc, pii_key_id, currency, goods_minor, total_minor,
                    goods_cny_minor, exchange_rate, exchange_rate_date, snapshot)
                VALUES (?, ?, 'SHIPPED', 'AIR', 'CARD', 'RU', ?, 'k1', 'RUB', 100000, 100000, 8000, 12.5, CURRENT_DATE,
                    '{"deliveryLine": {"method": "AIR", "etaMinDays": 10, "etaMaxDays": 20}}')
                RETURNING id""")
                .params(shopper, UUID.randomUUID().toString(), address)
                .query(UUID.class)
                .single();
    }
}
