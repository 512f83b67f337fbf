-- Silkway schema, migration 1: guards and conventions.
--
-- Conventions used by every later migration (docs/data-model.md explains them at length):
--   * snake_case, plural table names; timestamps are timestamptz named *_at; dates are *_date.
--   * Money is bigint minor units (*_minor: fen, kopecks, cents) with a char(3) ISO 4217 currency
--     column beside it; exchange rates are numeric with an explicit scale.
--   * Enumerations are text columns with a CHECK listing the allowed values (no PostgreSQL enum
--     types and no domains: both make adding a value or mapping the column from JPA harder).
--   * Aggregates a shopper can address in a URL (users, addresses, orders, payments, ...) have
--     uuid keys from gen_random_uuid() so ids cannot be enumerated; high-volume internal rows
--     (products, SKUs, history, events) have bigint identity keys.
--   * Personal data (names, phones, emails, postal addresses) is encrypted by the application
--     (AES-256-GCM): *_enc bytea columns hold nonce || ciphertext || tag, the row's pii_key_id
--     names the key; exact lookups go through keyed HMAC blind indexes (*_bidx bytea).
--   * No extensions: everything here is core PostgreSQL 15 (gen_random_uuid() is core since 13).
--     The schema runs unchanged on PostgreSQL 15 (the Debian HA cluster) and 17 (local, tests).

DO $$
BEGIN
    IF current_setting('server_version_num')::integer < 150000 THEN
        RAISE EXCEPTION 'Silkway needs PostgreSQL 15 or newer, this server is %', version();
    END IF;
    -- Chinese and Russian titles, names and addresses: the database must store any Unicode text.
    IF (SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()) <> 'UTF8' THEN
        RAISE EXCEPTION 'Silkway needs a UTF8 database, % is %', current_database(),
            (SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database());
    END IF;
END
$$;
