-- Delivery addresses of a shopper. Every field that locates or names a person is encrypted by the
-- application (AES-256-GCM envelope per value, key named by pii_key_id). Only the country stays in
-- clear: delivery lines, quotes and customs rules depend on it, and alone it identifies no one.

CREATE TABLE addresses (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id            uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    label              text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 64),
    recipient_name_enc bytea NOT NULL,
    phone_enc          bytea NOT NULL,
    country            char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'), -- ISO 3166-1 alpha-2
    region_enc         bytea NOT NULL,
    city_enc           bytea NOT NULL,
    street_enc         bytea NOT NULL,
    building_enc       bytea NOT NULL,
    apartment_enc      bytea,
    postal_code_enc    bytea NOT NULL,
    pii_key_id         text NOT NULL,
    is_default         boolean NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            bigint NOT NULL DEFAULT 0
);

CREATE INDEX ix_addresses_user_id ON addresses (user_id, created_at);
-- At most one default address per shopper. To move the default, clear the old one and set the
-- new one in the same transaction (in that order).
CREATE UNIQUE INDEX uq_addresses_one_default_per_user ON addresses (user_id) WHERE is_default;
