-- Payments through YooKassa (cards, SBP, e-wallets), Stripe (international cards) and NOWPayments
-- (crypto), their refunds, and the webhook events the providers send.

-- A payment row is written before the provider is called (status CREATED) with the
-- idempotence_key sent as YooKassa's Idempotence-Key / Stripe's Idempotency-Key, so a retry after
-- a timeout cannot charge twice. status is ours; provider_status is the provider's own word
-- (succeeded, requires_action, partially_paid, ...).
CREATE TABLE payments (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id            uuid NOT NULL REFERENCES orders (id),
    provider            text NOT NULL CHECK (provider IN ('YOOKASSA', 'STRIPE', 'NOWPAYMENTS')),
    method              text NOT NULL CHECK (method IN ('CARD', 'EWALLET', 'CRYPTO')),
    status              text NOT NULL DEFAULT 'CREATED' CHECK (status IN
        ('CREATED', 'PENDING', 'WAITING_FOR_CAPTURE', 'SUCCEEDED', 'CANCELLED', 'FAILED', 'EXPIRED')),
    provider_status     text CHECK (char_length(provider_status) <= 64),
    provider_payment_id text CHECK (char_length(provider_payment_id) BETWEEN 1 AND 128),
    idempotence_key     uuid NOT NULL DEFAULT gen_random_uuid(),
    amount_minor        bigint NOT NULL CHECK (amount_minor > 0),
    currency            char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    captured_minor      bigint NOT NULL DEFAULT 0 CHECK (captured_minor >= 0),
    refunded_minor      bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    confirmation_url    text CHECK (char_length(confirmation_url) <= 2048),
    -- Crypto: what the shopper pays in the coin, as the decimal string NOWPayments gives
    -- (up to 18 decimals, so never a float and not minor units of a fiat currency).
    pay_currency        text CHECK (pay_currency ~ '^[a-z0-9]{2,20}$'),
    pay_amount          text CHECK (pay_amount ~ '^[0-9]+(\.[0-9]+)?$'),
    provider_details    jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(provider_details) = 'object'),
    failure_reason      text CHECK (char_length(failure_reason) <= 1000),
    expires_at          timestamptz,
    succeeded_at        timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             bigint NOT NULL DEFAULT 0,
    CONSTRAINT uq_payments_provider_payment_id UNIQUE (provider, provider_payment_id),
    CONSTRAINT uq_payments_idempotence_key UNIQUE (idempotence_key),
    CONSTRAINT ck_payments_captured_within_amount CHECK (captured_minor <= amount_minor),
    CONSTRAINT ck_payments_refunded_within_amount CHECK (refunded_minor <= amount_minor),
    CONSTRAINT ck_payments_crypto_fields CHECK (method = 'CRYPTO' OR (pay_currency IS NULL AND pay_amount IS NULL))
);

CREATE INDEX ix_payments_order_id ON payments (order_id, created_at);
-- Reconciliation: payments still open at the provider, oldest first.
CREATE INDEX ix_payments_open ON payments (created_at) WHERE status IN ('CREATED', 'PENDING', 'WAITING_FOR_CAPTURE');

CREATE TABLE refunds (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    payment_id         uuid NOT NULL REFERENCES payments (id),
    provider_refund_id text CHECK (char_length(provider_refund_id) BETWEEN 1 AND 128),
    idempotence_key    uuid NOT NULL DEFAULT gen_random_uuid(),
    amount_minor       bigint NOT NULL CHECK (amount_minor > 0),
    currency           char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status             text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'CANCELLED', 'FAILED')),
    reason             text CHECK (char_length(reason) <= 1000),
    requested_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    succeeded_at       timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_refunds_payment_provider_refund_id UNIQUE (payment_id, provider_refund_id),
    CONSTRAINT uq_refunds_idempotence_key UNIQUE (idempotence_key)
);

CREATE INDEX ix_refunds_requested_by ON refunds (requested_by) WHERE requested_by IS NOT NULL;
CREATE INDEX ix_refunds_pending ON refunds (created_at) WHERE status = 'PENDING';

-- Webhook events as received (only authenticated ones: Stripe and NOWPayments signatures are
-- checked before the insert; YooKassa's, which are unsigned, after the source address check, and
-- the object is re-fetched from the API before it is trusted). Providers deliver at least once:
-- dedup_key (Stripe event id; YooKassa event + object id + status; NOWPayments payment_id +
-- payment_status) is unique per provider, so INSERT ... ON CONFLICT DO NOTHING drops duplicates.
CREATE TABLE payment_webhook_events (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider            text NOT NULL CHECK (provider IN ('YOOKASSA', 'STRIPE', 'NOWPAYMENTS')),
    dedup_key           text NOT NULL CHECK (char_length(dedup_key) BETWEEN 1 AND 256),
    event_type          text NOT NULL CHECK (char_length(event_type) BETWEEN 1 AND 128),
    provider_payment_id text CHECK (char_length(provider_payment_id) <= 128),
    payload             jsonb NOT NULL,
    client_address      inet,
    received_at         timestamptz NOT NULL DEFAULT now(),
    processed_at        timestamptz,
    attempts            integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error          text CHECK (char_length(last_error) <= 4000),
    CONSTRAINT uq_payment_webhook_events_dedup UNIQUE (provider, dedup_key)
);

CREATE INDEX ix_payment_webhook_events_unprocessed ON payment_webhook_events (received_at) WHERE processed_at IS NULL;
CREATE INDEX ix_payment_webhook_events_payment ON payment_webhook_events (provider, provider_payment_id);
