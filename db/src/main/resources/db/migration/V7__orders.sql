-- Orders, their lines (with a snapshot of what was bought and at what price) and the history of
-- their status.

-- POST /orders carries an Idempotency-Key: (user_id, idempotency_key) is unique, so a retried
-- request finds the order it already created. request_hash (SHA-256 of the canonical request)
-- lets the API refuse the same key reused for a different request.
-- The shipping address is a snapshot (the shopper may edit or delete the address later), kept as
-- one encrypted envelope (JSON of all address fields incl. recipient name and phone) under
-- pii_key_id; only the country stays in clear for delivery and customs rules.
-- All amounts are in the order's currency (what the shopper pays, normally RUB); the goods were
-- priced in CNY at exchange_rate (order currency per 1 CNY) of exchange_rate_date.
CREATE TABLE orders (
    id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- Short number for shoppers and support ("order 100042"); never used as a key in URLs.
    order_number                 bigint GENERATED ALWAYS AS IDENTITY (START WITH 100001) NOT NULL,
    user_id                      uuid NOT NULL REFERENCES users (id),
    idempotency_key              text NOT NULL CHECK (char_length(idempotency_key) BETWEEN 1 AND 128),
    request_hash                 bytea,
    status                       text NOT NULL DEFAULT 'PENDING_PAYMENT' CHECK (status IN (
        'PENDING_PAYMENT', 'PAID', 'PURCHASING', 'PURCHASED', 'AT_WAREHOUSE', 'SHIPPED', 'IN_TRANSIT',
        'CUSTOMS', 'OUT_FOR_DELIVERY', 'READY_FOR_PICKUP', 'DELIVERED', 'CANCELLED', 'REFUNDED')),
    delivery_method              text NOT NULL CHECK (delivery_method IN ('AIR', 'SEA', 'EXPRESS')),
    payment_method               text NOT NULL CHECK (payment_method IN ('CARD', 'EWALLET', 'CRYPTO')),
    address_id                   uuid REFERENCES addresses (id) ON DELETE SET NULL,
    shipping_country             char(2) NOT NULL CHECK (shipping_country ~ '^[A-Z]{2}$'),
    shipping_address_enc         bytea NOT NULL,
    pii_key_id                   text NOT NULL,
    currency                     char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    goods_minor                  bigint NOT NULL CHECK (goods_minor >= 0),
    china_delivery_minor         bigint NOT NULL DEFAULT 0 CHECK (china_delivery_minor >= 0),
    international_delivery_minor bigint NOT NULL DEFAULT 0 CHECK (international_delivery_minor >= 0),
    commission_minor             bigint NOT NULL DEFAULT 0 CHECK (commission_minor >= 0),
    insurance_minor              bigint NOT NULL DEFAULT 0 CHECK (insurance_minor >= 0),
    customs_duty_minor           bigint NOT NULL DEFAULT 0 CHECK (customs_duty_minor >= 0),
    discount_minor               bigint NOT NULL DEFAULT 0 CHECK (discount_minor >= 0),
    total_minor                  bigint NOT NULL CHECK (total_minor >= 0),
    goods_cny_minor              bigint NOT NULL CHECK (goods_cny_minor >= 0),
    exchange_rate                numeric(24, 10) NOT NULL CHECK (exchange_rate > 0),
    exchange_rate_date           date NOT NULL,
    chargeable_weight_grams      integer CHECK (chargeable_weight_grams >= 0),
    cancel_reason                text CHECK (char_length(cancel_reason) <= 1000),
    paid_at                      timestamptz,
    cancelled_at                 timestamptz,
    delivered_at                 timestamptz,
    created_at                   timestamptz NOT NULL DEFAULT now(),
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    version                      bigint NOT NULL DEFAULT 0,
    CONSTRAINT uq_orders_order_number UNIQUE (order_number),
    CONSTRAINT uq_orders_user_idempotency_key UNIQUE (user_id, idempotency_key),
    CONSTRAINT ck_orders_total_is_sum CHECK (total_minor = goods_minor + china_delivery_minor
        + international_delivery_minor + commission_minor + insurance_minor + customs_duty_minor
        - discount_minor)
);

-- The shopper's order history, newest first (GET /me/orders).
CREATE INDEX ix_orders_user_created_at ON orders (user_id, created_at DESC);
-- Operations and statistics: orders by status, orders in a period (GET /admin/stats/orders).
CREATE INDEX ix_orders_status_created_at ON orders (status, created_at);
CREATE INDEX ix_orders_created_at ON orders (created_at);
CREATE INDEX ix_orders_address_id ON orders (address_id) WHERE address_id IS NOT NULL;

-- A line keeps everything needed to show and fulfil it even if the product changes or
-- disappears: marketplace ids, title, variant attributes and the unit price in CNY and in the
-- order's currency at the time of the order. backup_sku_id is the shopper's second choice of
-- size/colour, bought if the first is gone (agent purchase on behalf).
CREATE TABLE order_lines (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id                uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no                 smallint NOT NULL CHECK (line_no >= 1),
    product_id              bigint REFERENCES products (id) ON DELETE SET NULL,
    sku_id                  bigint REFERENCES skus (id) ON DELETE SET NULL,
    backup_sku_id           bigint REFERENCES skus (id) ON DELETE SET NULL,
    marketplace_code        text NOT NULL REFERENCES marketplaces (code),
    external_product_id     text NOT NULL CHECK (char_length(external_product_id) BETWEEN 1 AND 128),
    external_sku_id         text NOT NULL CHECK (char_length(external_sku_id) BETWEEN 1 AND 128),
    title                   text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 500),
    sku_attributes          jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(sku_attributes) = 'object'),
    image_url               text CHECK (char_length(image_url) <= 2048),
    quantity                integer NOT NULL CHECK (quantity BETWEEN 1 AND 999),
    source_unit_price_minor bigint NOT NULL CHECK (source_unit_price_minor >= 0),
    source_currency         char(3) NOT NULL DEFAULT 'CNY' CHECK (source_currency ~ '^[A-Z]{3}$'),
    unit_price_minor        bigint NOT NULL CHECK (unit_price_minor >= 0),
    currency                char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    line_total_minor        bigint NOT NULL CHECK (line_total_minor >= 0),
    purchase_status         text NOT NULL DEFAULT 'PENDING' CHECK (purchase_status IN
        ('PENDING', 'PURCHASED', 'PURCHASED_BACKUP', 'UNAVAILABLE', 'CANCELLED')),
    marketplace_order_id    text CHECK (char_length(marketplace_order_id) <= 128),
    purchased_at            timestamptz,
    created_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_order_lines_order_line_no UNIQUE (order_id, line_no),
    CONSTRAINT ck_order_lines_total CHECK (line_total_minor = unit_price_minor * quantity)
);

CREATE INDEX ix_order_lines_product_id ON order_lines (product_id) WHERE product_id IS NOT NULL;
CREATE INDEX ix_order_lines_sku_id ON order_lines (sku_id) WHERE sku_id IS NOT NULL;
CREATE INDEX ix_order_lines_backup_sku_id ON order_lines (backup_sku_id) WHERE backup_sku_id IS NOT NULL;
CREATE INDEX ix_order_lines_marketplace_code ON order_lines (marketplace_code);

-- Every status change of an order, with who or what caused it (GET /orders/{id} shows it).
CREATE TABLE order_status_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    from_status text CHECK (from_status IN (
        'PENDING_PAYMENT', 'PAID', 'PURCHASING', 'PURCHASED', 'AT_WAREHOUSE', 'SHIPPED', 'IN_TRANSIT',
        'CUSTOMS', 'OUT_FOR_DELIVERY', 'READY_FOR_PICKUP', 'DELIVERED', 'CANCELLED', 'REFUNDED')),
    to_status   text NOT NULL CHECK (to_status IN (
        'PENDING_PAYMENT', 'PAID', 'PURCHASING', 'PURCHASED', 'AT_WAREHOUSE', 'SHIPPED', 'IN_TRANSIT',
        'CUSTOMS', 'OUT_FOR_DELIVERY', 'READY_FOR_PICKUP', 'DELIVERED', 'CANCELLED', 'REFUNDED')),
    source      text NOT NULL CHECK (source IN ('SHOPPER', 'OPERATOR', 'PAYMENT', 'CARRIER', 'SYSTEM')),
    changed_by  uuid REFERENCES users (id) ON DELETE SET NULL, -- NULL for PAYMENT, CARRIER, SYSTEM
    note        text CHECK (char_length(note) <= 2000),
    changed_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ck_order_status_history_changes CHECK (from_status IS DISTINCT FROM to_status)
);

CREATE INDEX ix_order_status_history_order_time ON order_status_history (order_id, changed_at);
CREATE INDEX ix_order_status_history_changed_by ON order_status_history (changed_by) WHERE changed_by IS NOT NULL;
