-- Checkout, orders: the statuses of the API's order state machine, orders placed from quotes,
-- their snapshot, and stock held for orders.

-- The statuses become the API's (AWAITING_PAYMENT ... REFUNDED). Rows of the old names are renamed.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE order_status_history DROP CONSTRAINT order_status_history_from_status_check;
ALTER TABLE order_status_history DROP CONSTRAINT order_status_history_to_status_check;

CREATE FUNCTION pg_temp.order_status_v68(old text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE old
        WHEN 'PENDING_PAYMENT' THEN 'AWAITING_PAYMENT'
        WHEN 'IN_TRANSIT' THEN 'SHIPPED'
        WHEN 'CUSTOMS' THEN 'IN_CUSTOMS'
        WHEN 'READY_FOR_PICKUP' THEN 'ARRIVED'
        ELSE old END
$$;
UPDATE orders SET status = pg_temp.order_status_v68(status)
    WHERE status IN ('PENDING_PAYMENT', 'IN_TRANSIT', 'CUSTOMS', 'READY_FOR_PICKUP');
UPDATE order_status_history SET from_status = pg_temp.order_status_v68(from_status), to_status = pg_temp.order_status_v68(to_status)
    WHERE from_status IN ('PENDING_PAYMENT', 'IN_TRANSIT', 'CUSTOMS', 'READY_FOR_PICKUP')
       OR to_status IN ('PENDING_PAYMENT', 'IN_TRANSIT', 'CUSTOMS', 'READY_FOR_PICKUP');

ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'AWAITING_PAYMENT';
ALTER TABLE orders ADD CONSTRAINT ck_orders_status CHECK (status IN (
    'AWAITING_PAYMENT', 'PAID', 'PARTIALLY_PAID', 'PURCHASING', 'PURCHASED', 'AT_WAREHOUSE', 'SHIPPED',
    'IN_CUSTOMS', 'ARRIVED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'CANCELLED', 'REFUND_PENDING', 'REFUNDED'));
ALTER TABLE order_status_history ADD CONSTRAINT ck_order_status_history_from_status CHECK (from_status IN (
    'AWAITING_PAYMENT', 'PAID', 'PARTIALLY_PAID', 'PURCHASING', 'PURCHASED', 'AT_WAREHOUSE', 'SHIPPED',
    'IN_CUSTOMS', 'ARRIVED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'CANCELLED', 'REFUND_PENDING', 'REFUNDED'));
ALTER TABLE order_status_history ADD CONSTRAINT ck_order_status_history_to_status CHECK (to_status IN (
    'AWAITING_PAYMENT', 'PAID', 'PARTIALLY_PAID', 'PURCHASING', 'PURCHASED', 'AT_WAREHOUSE', 'SHIPPED',
    'IN_CUSTOMS', 'ARRIVED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'CANCELLED', 'REFUND_PENDING', 'REFUNDED'));

-- An order is placed from a quote (kept: the quote's lines and rates are in the snapshot), split into
-- parcels or not. snapshot: every quote line, both rates, the delivery line and its tariff, the split.
-- reserved_until: an unpaid order past it is cancelled and its stock released (a clustered job).
-- holds_stock: its lines' units are counted in sku_holds (true from placing until cancelled,
-- refunded or bought on the marketplace); releasing flips it first, so stock is released once.
ALTER TABLE orders
    ADD COLUMN quote_id       uuid REFERENCES quotes (id) ON DELETE SET NULL,
    ADD COLUMN split          boolean NOT NULL DEFAULT false,
    ADD COLUMN snapshot       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(snapshot) = 'object'),
    ADD COLUMN reserved_until timestamptz,
    ADD COLUMN holds_stock    boolean NOT NULL DEFAULT false;

-- One order per quote.
CREATE UNIQUE INDEX uq_orders_quote_id ON orders (quote_id) WHERE quote_id IS NOT NULL;
-- The expiry job's scan: unpaid orders by the end of their reservation.
CREATE INDEX ix_orders_awaiting_payment_reserved_until ON orders (reserved_until)
    WHERE status = 'AWAITING_PAYMENT';

-- Units of each SKU held by open orders. Placing an order raises held by a conditional update that
-- succeeds only while held stays within the SKU's counted stock (sku_stock.quantity, which ingestion
-- owns), so concurrent orders never hold more than there is; a SKU whose marketplace gives no count
-- is held without a limit, one out of stock not at all.
CREATE TABLE sku_holds (
    sku_id     bigint PRIMARY KEY REFERENCES skus (id) ON DELETE CASCADE,
    held       integer NOT NULL DEFAULT 0 CHECK (held >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
);
