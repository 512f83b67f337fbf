-- Payment attempts of an order, the money they moved, and what operators must look at.

-- attempt: 1, 2, ... per order; the idempotence key sent to the provider is derived from the order and
-- the attempt, so retrying the same attempt never charges twice and a new attempt is a new payment.
-- PARTIALLY_PAID: crypto paid short (the missing amount is shown, a top-up attempt pays the rest).
-- DUPLICATE: a payment that succeeded after another of the same order had; refunded in full.
ALTER TABLE payments ADD COLUMN attempt integer NOT NULL DEFAULT 1 CHECK (attempt BETWEEN 1 AND 1000);
ALTER TABLE payments ADD CONSTRAINT uq_payments_order_attempt UNIQUE (order_id, attempt);
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT ck_payments_status CHECK (status IN
    ('CREATED', 'PENDING', 'WAITING_FOR_CAPTURE', 'PARTIALLY_PAID', 'SUCCEEDED', 'CANCELLED', 'FAILED', 'EXPIRED',
     'DUPLICATE'));
-- What a crypto payer actually paid, in the order's currency (what a refund may give back).
ALTER TABLE payments ADD COLUMN paid_minor bigint NOT NULL DEFAULT 0 CHECK (paid_minor >= 0);

-- One succeeded payment per order, whatever races between webhooks, attempts and instances.
CREATE UNIQUE INDEX uq_payments_one_succeeded_per_order ON payments (order_id) WHERE status = 'SUCCEEDED';

-- A refund of one line's units (the purchasing step, an operator) or of an amount; who asked for it.
ALTER TABLE refunds
    ADD COLUMN order_line_id bigint REFERENCES order_lines (id) ON DELETE SET NULL,
    ADD COLUMN quantity      integer CHECK (quantity BETWEEN 1 AND 999),
    ADD COLUMN source        text NOT NULL DEFAULT 'SYSTEM'
        CHECK (source IN ('SHOPPER', 'OPERATOR', 'PAYMENT', 'CARRIER', 'SYSTEM')),
    ADD COLUMN failure_reason text CHECK (char_length(failure_reason) <= 1000),
    ADD CONSTRAINT ck_refunds_line_quantity CHECK ((order_line_id IS NULL) = (quantity IS NULL));
CREATE INDEX ix_refunds_payment_id ON refunds (payment_id);
CREATE INDEX ix_refunds_order_line_id ON refunds (order_line_id) WHERE order_line_id IS NOT NULL;

-- Webhook events operators must look at: an amount or currency other than the attempt's, a payment we do
-- not know, a payment that succeeded for an order that could no longer be paid.
ALTER TABLE payment_webhook_events
    ADD COLUMN flag text CHECK (flag IN ('AMOUNT_MISMATCH', 'UNKNOWN_PAYMENT', 'PAID_TOO_LATE', 'DUPLICATE_PAYMENT')),
    ADD COLUMN flag_detail text CHECK (char_length(flag_detail) <= 1000);
CREATE INDEX ix_payment_webhook_events_flagged ON payment_webhook_events (received_at) WHERE flag IS NOT NULL;

-- What the last reconciliation found: the provider's word against ours, per payment or refund. A run
-- replaces the rows of the period it compared.
CREATE TABLE payment_mismatches (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider            text NOT NULL CHECK (provider IN ('YOOKASSA', 'STRIPE', 'NOWPAYMENTS')),
    kind                text NOT NULL CHECK (kind IN
        ('MISSING_HERE', 'MISSING_AT_PROVIDER', 'STATUS_DIFFERS', 'AMOUNT_DIFFERS', 'REFUND_DIFFERS')),
    provider_payment_id text CHECK (char_length(provider_payment_id) <= 128),
    payment_id          uuid REFERENCES payments (id) ON DELETE CASCADE,
    ours                text CHECK (char_length(ours) <= 200),
    theirs              text CHECK (char_length(theirs) <= 200),
    period_from         timestamptz NOT NULL,
    period_to           timestamptz NOT NULL,
    found_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_payment_mismatches_found ON payment_mismatches (provider, period_from, period_to);
CREATE INDEX ix_payment_mismatches_payment_id ON payment_mismatches (payment_id) WHERE payment_id IS NOT NULL;
