package dev.silkway.db;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Object mother: inserts valid rows with unique keys, so each test changes only the one thing it
 * is about. Encrypted columns and blind indexes get random bytes, as the application's
 * ciphertexts and HMACs would look to the database.
 */
final class ValidRows {

    private static final SecureRandom random = new SecureRandom();
    private static final AtomicLong sequence = new AtomicLong();

    private final JdbcTemplate jdbc;

    ValidRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static String unique(String prefix) {
        return prefix + sequence.incrementAndGet();
    }

    UUID user() {
        return user(bytes(32));
    }

    UUID user(byte[] emailBlindIndex) {
        return jdbc.queryForObject("""
                INSERT INTO users (email_enc, email_bidx, full_name_enc, phone_enc, phone_bidx, pii_key_id, password_hash)
                VALUES (?, ?, ?, ?, ?, 'pii-2025-01', '$argon2id$v=19$m=16384,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g')
                RETURNING id""", UUID.class, bytes(60), emailBlindIndex, bytes(50), bytes(40), bytes(32));
    }

    UUID address(UUID userId, boolean isDefault) {
        return jdbc.queryForObject(
                """
                INSERT INTO addresses (user_id, label, recipient_name_enc, phone_enc, country, region_enc, city_enc,
                                       street_enc, building_enc, postal_code_enc, pii_key_id, is_default)
                VALUES (?, 'Home', ?, ?, 'RU', ?, ?, ?, ?, ?, 'pii-2025-01', ?)
                RETURNING id""",
                UUID.class,
                userId,
                bytes(40),
                bytes(40),
                bytes(40),
                bytes(40),
                bytes(40),
                bytes(30),
                bytes(30),
                isDefault);
    }

    long category(String code, String parentCode) {
        return jdbc.queryForObject("""
                INSERT INTO categories (code, parent_id, name_ru, name_en)
                VALUES (?, (SELECT id FROM categories WHERE code = ?), 'Тест', 'Test')
                RETURNING id""", Long.class, code, parentCode);
    }

    long product(String marketplace) {
        return product(marketplace, unique("item-"));
    }

    long product(String marketplace, String externalId) {
        return jdbc.queryForObject("""
                INSERT INTO products (marketplace_code, external_id, category_id, title_original, content_hash)
                VALUES (?, ?, (SELECT id FROM categories WHERE code = 'sneakers'), '耐克运动鞋男款', ?)
                RETURNING id""", Long.class, marketplace, externalId, bytes(32));
    }

    long sku(long productId) {
        return jdbc.queryForObject("""
                INSERT INTO skus (product_id, external_id, attributes, attributes_original)
                VALUES (?, ?, '{"size": "42.5", "colour": "black"}', '{"尺码": "42.5"}')
                RETURNING id""", Long.class, productId, unique("sku-"));
    }

    UUID order(UUID userId) {
        return order(userId, UUID.randomUUID().toString());
    }

    /** An order of 1,000.00 RUB of goods + 250.00 delivery + 50.00 commission = 1,300.00 RUB. */
    UUID order(UUID userId, String idempotencyKey) {
        return jdbc.queryForObject("""
                INSERT INTO orders (user_id, idempotency_key, delivery_method, payment_method, shipping_country,
                                    shipping_address_enc, pii_key_id, currency, goods_minor,
                                    international_delivery_minor, commission_minor, total_minor, goods_cny_minor,
                                    exchange_rate, exchange_rate_date)
                VALUES (?, ?, 'AIR', 'CARD', 'RU', ?, 'pii-2025-01', 'RUB', 100000, 25000, 5000, 130000, 8000,
                        12.5000000000, current_date)
                RETURNING id""", UUID.class, userId, idempotencyKey, bytes(200));
    }

    long orderLine(UUID orderId, int lineNo) {
        return jdbc.queryForObject("""
                INSERT INTO order_lines (order_id, line_no, marketplace_code, external_product_id, external_sku_id,
                                         title, quantity, source_unit_price_minor, unit_price_minor, currency,
                                         line_total_minor)
                VALUES (?, ?, 'poizon', 'spu-1', 'sku-1', 'Nike Dunk Low', 2, 4000, 50000, 'RUB', 100000)
                RETURNING id""", Long.class, orderId, lineNo);
    }

    UUID payment(UUID orderId) {
        return jdbc.queryForObject("""
                INSERT INTO payments (order_id, provider, method, provider_payment_id, amount_minor, currency)
                VALUES (?, 'YOOKASSA', 'CARD', ?, 130000, 'RUB')
                RETURNING id""", UUID.class, orderId, unique("2f0e4b1c-000f-5000-9000-"));
    }

    UUID shipment(UUID orderId) {
        return jdbc.queryForObject(
                "INSERT INTO shipments (order_id, delivery_method) VALUES (?, 'AIR') RETURNING id",
                UUID.class,
                orderId);
    }

    long leg(UUID shipmentId, int legNo, String carrier, String trackNumber) {
        return jdbc.queryForObject("""
                INSERT INTO shipment_legs (shipment_id, leg_no, kind, carrier_code, track_number)
                VALUES (?, ?, 'LAST_MILE', ?, ?)
                RETURNING id""", Long.class, shipmentId, legNo, carrier, trackNumber);
    }
}
