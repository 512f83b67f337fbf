-- Checkout, landed cost: customs rules per destination country and the quotes given to shoppers.

-- A parcel whose goods are worth at most duty_free_value_minor (euro cents) and weigh at most
-- duty_free_weight_grams passes duty-free; above either, the duty is duty_percent of the value
-- over the threshold but at least min_per_kg_minor (euro cents) per kg over the weight threshold.
-- Values are converted at the CBR euro rate of the day.
CREATE TABLE customs_rules (
    country                char(2) PRIMARY KEY CHECK (country ~ '^[A-Z]{2}$'),
    currency               char(3) NOT NULL DEFAULT 'EUR' CHECK (currency = 'EUR'),
    duty_free_value_minor  bigint NOT NULL CHECK (duty_free_value_minor >= 0),
    duty_free_weight_grams integer NOT NULL CHECK (duty_free_weight_grams >= 0),
    duty_percent           numeric(5, 2) NOT NULL CHECK (duty_percent >= 0 AND duty_percent <= 100),
    min_per_kg_minor       bigint NOT NULL CHECK (min_per_kg_minor >= 0),
    updated_at             timestamptz NOT NULL DEFAULT now()
);

-- The EAEU's rule for goods for personal use sent by post or carrier (Russia, Kazakhstan, Belarus).
INSERT INTO customs_rules (country, duty_free_value_minor, duty_free_weight_grams, duty_percent, min_per_kg_minor) VALUES
    ('RU', 20000, 31000, 15.00, 200),
    ('KZ', 20000, 31000, 15.00, 200),
    ('BY', 20000, 31000, 15.00, 200);

-- A quote: what the shopper will pay for their cart as it was (cart_version) by one delivery line
-- to one address, valid until expires_at. items and lines are the snapshot the order copies: the
-- cart's lines with their CNY and RUB prices, and every priced line (goods, deliveries, insurance,
-- fee, duty). split is the proposed split into parcels (NULL when none saves anything).
CREATE TABLE quotes (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                 uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    cart_version            bigint NOT NULL,
    address_id              uuid NOT NULL REFERENCES addresses (id) ON DELETE CASCADE,
    country                 char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    delivery_method         text NOT NULL CHECK (delivery_method IN ('AIR', 'SEA', 'EXPRESS')),
    insurance               boolean NOT NULL,
    currency                char(3) NOT NULL DEFAULT 'RUB' CHECK (currency = 'RUB'),
    cny_rate                numeric(24, 10) NOT NULL CHECK (cny_rate > 0),
    cny_rate_date           date NOT NULL,
    eur_rate                numeric(24, 10) NOT NULL CHECK (eur_rate > 0),
    eur_rate_date           date NOT NULL,
    items                   jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
    lines                   jsonb NOT NULL CHECK (jsonb_typeof(lines) = 'array'),
    total_minor             bigint NOT NULL CHECK (total_minor >= 0),
    chargeable_weight_grams integer NOT NULL CHECK (chargeable_weight_grams >= 0),
    estimated_weights       boolean NOT NULL,
    blocked                 jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(blocked) = 'array'),
    split                   jsonb,
    created_at              timestamptz NOT NULL DEFAULT now(),
    expires_at              timestamptz NOT NULL
);

CREATE INDEX ix_quotes_user_created_at ON quotes (user_id, created_at DESC);
CREATE INDEX ix_quotes_address_id ON quotes (address_id);
CREATE INDEX ix_quotes_expires_at ON quotes (expires_at);
