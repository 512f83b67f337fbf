-- Fulfilment: every paid order line bought through the purchasing/warehouse partner, received in its
-- China warehouse, consolidated into a parcel and handed over to a line (whose track numbers become
-- the order's shipment and legs, V9); the partner's callbacks as received; substitutes offered for
-- lines the partner could not buy; parcels weighing more or less than quoted, for operators.

-- One purchase request per order line, keyed by our reference (the partner is idempotent on it): a
-- retried request never buys twice. A line refused by the partner keeps its refused row; an accepted
-- substitute is bought under a new reference. At most one live (not refused) purchase per line.
-- status: PENDING (to send), ACCEPTED, PURCHASED, ARRIVED (in the warehouse), REFUSED.
CREATE TABLE purchases (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id             uuid NOT NULL REFERENCES orders (id),
    order_line_id        bigint NOT NULL REFERENCES order_lines (id),
    reference            text NOT NULL CHECK (reference ~ '^[A-Za-z0-9-]{1,64}$'),
    sku_id               bigint REFERENCES skus (id) ON DELETE SET NULL,
    marketplace_code     text NOT NULL REFERENCES marketplaces (code),
    external_product_id  text NOT NULL CHECK (char_length(external_product_id) BETWEEN 1 AND 128),
    external_sku_id      text NOT NULL CHECK (char_length(external_sku_id) BETWEEN 1 AND 128),
    quantity             integer NOT NULL CHECK (quantity BETWEEN 1 AND 999),
    max_price_fen        bigint NOT NULL CHECK (max_price_fen >= 0),
    status               text NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'ACCEPTED', 'PURCHASED', 'ARRIVED', 'REFUSED')),
    refusal              text CHECK (refusal IN ('OUT_OF_STOCK', 'PRICE_CHANGED')),
    partner_purchase_id  text CHECK (char_length(partner_purchase_id) <= 128),
    marketplace_order_id text CHECK (char_length(marketplace_order_id) <= 128),
    paid_price_fen       bigint CHECK (paid_price_fen >= 0),
    weight_grams         integer CHECK (weight_grams > 0),
    length_cm            integer CHECK (length_cm > 0),
    width_cm             integer CHECK (width_cm > 0),
    height_cm            integer CHECK (height_cm > 0),
    qc_photos            jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(qc_photos) = 'array'),
    attempts             integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at      timestamptz,
    last_error           text CHECK (char_length(last_error) <= 1000),
    purchased_at         timestamptz,
    arrived_at           timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_purchases_reference UNIQUE (reference),
    CONSTRAINT ck_purchases_refusal CHECK ((status = 'REFUSED') = (refusal IS NOT NULL))
);

CREATE UNIQUE INDEX uq_purchases_live_line ON purchases (order_line_id) WHERE status <> 'REFUSED';
CREATE INDEX ix_purchases_order_id ON purchases (order_id);
CREATE INDEX ix_purchases_order_line_id ON purchases (order_line_id);
CREATE INDEX ix_purchases_marketplace_code ON purchases (marketplace_code);
CREATE INDEX ix_purchases_sku_id ON purchases (sku_id) WHERE sku_id IS NOT NULL;
-- The purchasing step's queue: requests still to send.
CREATE INDEX ix_purchases_due ON purchases (next_attempt_at) WHERE status = 'PENDING';

-- A substitute offered for a refused purchase: another SKU of the same product at the same or a lower
-- price, in stock (sku_id NULL and status NONE when there was none). The shopper accepts or declines
-- until expires_at; declined, expired or none, the line is refunded (refund_due until the payments
-- facade has started the refund).
CREATE TABLE substitutions (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id          uuid NOT NULL REFERENCES orders (id),
    order_line_id     bigint NOT NULL REFERENCES order_lines (id),
    purchase_id       uuid NOT NULL REFERENCES purchases (id),
    sku_id            bigint REFERENCES skus (id) ON DELETE SET NULL,
    external_sku_id   text CHECK (char_length(external_sku_id) <= 128),
    sku_attributes    jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(sku_attributes) = 'object'),
    unit_price_fen    bigint CHECK (unit_price_fen >= 0),
    status            text NOT NULL CHECK (status IN ('OFFERED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'NONE')),
    expires_at        timestamptz,
    decided_at        timestamptz,
    refund_due        boolean NOT NULL DEFAULT false,
    refunded_at       timestamptz,
    refund_attempts   integer NOT NULL DEFAULT 0 CHECK (refund_attempts >= 0),
    last_error        text CHECK (char_length(last_error) <= 1000),
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_substitutions_purchase UNIQUE (purchase_id),
    CONSTRAINT ck_substitutions_offer CHECK ((status = 'NONE') = (sku_id IS NULL AND external_sku_id IS NULL))
);

CREATE INDEX ix_substitutions_order_id ON substitutions (order_id);
CREATE INDEX ix_substitutions_order_line_id ON substitutions (order_line_id);
CREATE INDEX ix_substitutions_sku_id ON substitutions (sku_id) WHERE sku_id IS NOT NULL;
-- The expiry job's scan, and the refunds still to start.
CREATE INDEX ix_substitutions_offered_expires ON substitutions (expires_at) WHERE status = 'OFFERED';
CREATE INDEX ix_substitutions_refund_due ON substitutions (created_at) WHERE refund_due;

-- The order's parcel at the partner: asked for once every live line is in the warehouse; the partner
-- consolidates it (measured weight and size) and hands it over to a line (shipment_id, V9).
CREATE TABLE fulfilment_parcels (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id                uuid NOT NULL REFERENCES orders (id),
    reference               text NOT NULL CHECK (reference ~ '^[A-Za-z0-9-]{1,64}$'),
    status                  text NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'ACCEPTED', 'CONSOLIDATED', 'HANDED_OVER')),
    partner_parcel_id       text CHECK (char_length(partner_parcel_id) <= 128),
    weight_grams            integer CHECK (weight_grams > 0),
    length_cm               integer CHECK (length_cm > 0),
    width_cm                integer CHECK (width_cm > 0),
    height_cm               integer CHECK (height_cm > 0),
    chargeable_weight_grams integer CHECK (chargeable_weight_grams > 0),
    shipment_id             uuid REFERENCES shipments (id),
    attempts                integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at         timestamptz,
    last_error              text CHECK (char_length(last_error) <= 1000),
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_fulfilment_parcels_order UNIQUE (order_id),
    CONSTRAINT uq_fulfilment_parcels_reference UNIQUE (reference)
);

CREATE INDEX ix_fulfilment_parcels_shipment_id ON fulfilment_parcels (shipment_id) WHERE shipment_id IS NOT NULL;
CREATE INDEX ix_fulfilment_parcels_due ON fulfilment_parcels (next_attempt_at) WHERE status = 'PENDING';

-- The partner's callbacks as received, after their signature and timestamp were checked. A signature
-- seen before is a replay (refused); an event id seen before is the partner's duplicate (answered
-- 200, recorded with duplicate = true, nothing else changes).
CREATE TABLE partner_callbacks (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    text NOT NULL CHECK (char_length(event_id) BETWEEN 1 AND 128),
    signature   text NOT NULL CHECK (char_length(signature) BETWEEN 1 AND 128),
    type        text NOT NULL CHECK (char_length(type) BETWEEN 1 AND 64),
    reference   text CHECK (char_length(reference) <= 64),
    payload     jsonb NOT NULL,
    duplicate   boolean NOT NULL DEFAULT false,
    received_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_partner_callbacks_signature UNIQUE (signature)
);

CREATE UNIQUE INDEX uq_partner_callbacks_event ON partner_callbacks (event_id) WHERE NOT duplicate;
CREATE INDEX ix_partner_callbacks_received_at ON partner_callbacks USING brin (received_at);

-- A parcel whose measured chargeable weight differs from the quoted one beyond the tolerance: listed
-- for operators until decided (CHARGE the shopper the difference or ABSORB it); the decision is audited.
CREATE TABLE weight_differences (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id       uuid NOT NULL REFERENCES orders (id),
    parcel_id      uuid NOT NULL REFERENCES fulfilment_parcels (id),
    quoted_grams   integer NOT NULL CHECK (quoted_grams >= 0),
    measured_grams integer NOT NULL CHECK (measured_grams > 0),
    status         text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CHARGE', 'ABSORB')),
    note           text CHECK (char_length(note) <= 2000),
    decided_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    decided_at     timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_weight_differences_parcel UNIQUE (parcel_id),
    CONSTRAINT ck_weight_differences_decided CHECK ((status = 'OPEN') = (decided_at IS NULL))
);

CREATE INDEX ix_weight_differences_order_id ON weight_differences (order_id);
CREATE INDEX ix_weight_differences_decided_by ON weight_differences (decided_by) WHERE decided_by IS NOT NULL;
CREATE INDEX ix_weight_differences_status ON weight_differences (status, created_at);
