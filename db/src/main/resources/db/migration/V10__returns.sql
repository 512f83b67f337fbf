-- Returns and claims: a shopper asks to return lines of an order (damaged, not as described,
-- wrong or missing item); an operator decides; a refund (V8) may follow.

CREATE TABLE returns (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id             uuid NOT NULL REFERENCES orders (id),
    user_id              uuid NOT NULL REFERENCES users (id),
    status               text NOT NULL DEFAULT 'REQUESTED' CHECK (status IN
        ('REQUESTED', 'APPROVED', 'REJECTED', 'AWAITING_PARCEL', 'PARCEL_RECEIVED', 'REFUNDED', 'CLOSED', 'CANCELLED')),
    reason               text NOT NULL CHECK (reason IN
        ('DAMAGED', 'NOT_AS_DESCRIBED', 'WRONG_ITEM', 'MISSING_ITEM', 'SIZE_OR_FIT', 'OTHER')),
    description          text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 5000),
    resolution           text CHECK (resolution IN ('FULL_REFUND', 'PARTIAL_REFUND', 'REPLACEMENT', 'NONE')),
    refund_amount_minor  bigint CHECK (refund_amount_minor >= 0),
    refund_currency      char(3) CHECK (refund_currency ~ '^[A-Z]{3}$'),
    return_carrier_code  text REFERENCES carriers (code),
    return_track_number  text CHECK (return_track_number ~ '^[A-Za-z0-9-]{4,64}$'),
    decided_by           uuid REFERENCES users (id) ON DELETE SET NULL,
    decided_at           timestamptz,
    decision_note        text CHECK (char_length(decision_note) <= 5000),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              bigint NOT NULL DEFAULT 0,
    CONSTRAINT ck_returns_refund_currency CHECK ((refund_amount_minor IS NULL) = (refund_currency IS NULL))
);

CREATE INDEX ix_returns_order_id ON returns (order_id);
CREATE INDEX ix_returns_user_created_at ON returns (user_id, created_at DESC);
-- Operator queue and the admin statistics on returns.
CREATE INDEX ix_returns_status_created_at ON returns (status, created_at);
CREATE INDEX ix_returns_decided_by ON returns (decided_by) WHERE decided_by IS NOT NULL;
CREATE INDEX ix_returns_return_carrier_code ON returns (return_carrier_code) WHERE return_carrier_code IS NOT NULL;

CREATE TABLE return_lines (
    return_id     uuid NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    order_line_id bigint NOT NULL REFERENCES order_lines (id),
    quantity      integer NOT NULL CHECK (quantity >= 1),
    PRIMARY KEY (return_id, order_line_id)
);

CREATE INDEX ix_return_lines_order_line_id ON return_lines (order_line_id);

-- Photos and documents the shopper attaches (stored in object storage; this is the reference).
CREATE TABLE return_attachments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    return_id    uuid NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    storage_key  text NOT NULL CHECK (char_length(storage_key) BETWEEN 1 AND 512),
    content_type text NOT NULL CHECK (content_type ~ '^[a-z]+/[a-zA-Z0-9.+-]+$'),
    size_bytes   bigint NOT NULL CHECK (size_bytes > 0),
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_return_attachments_return_id ON return_attachments (return_id);

-- A refund may settle a return.
ALTER TABLE refunds ADD COLUMN return_id uuid REFERENCES returns (id) ON DELETE SET NULL;
CREATE INDEX ix_refunds_return_id ON refunds (return_id) WHERE return_id IS NOT NULL;
