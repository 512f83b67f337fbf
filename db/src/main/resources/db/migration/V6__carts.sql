-- Shopping carts: one per shopper, created on first use.

CREATE TABLE carts (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint NOT NULL DEFAULT 0,
    CONSTRAINT uq_carts_user_id UNIQUE (user_id)
);

-- Adding a SKU that is already in the cart raises its quantity (one line per SKU). The product
-- is reached through the SKU (skus.product_id), so a line cannot name a SKU of another product.
-- seen_price_minor/seen_currency: the CNY price the shopper saw when adding, so the cart can say
-- "the price has changed" instead of silently charging another amount.
CREATE TABLE cart_items (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    cart_id          uuid NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    sku_id           bigint NOT NULL REFERENCES skus (id) ON DELETE CASCADE,
    quantity         integer NOT NULL CHECK (quantity BETWEEN 1 AND 999),
    seen_price_minor bigint CHECK (seen_price_minor >= 0),
    seen_currency    char(3) CHECK (seen_currency ~ '^[A-Z]{3}$'),
    added_at         timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_cart_items_cart_sku UNIQUE (cart_id, sku_id),
    CONSTRAINT ck_cart_items_seen_price_currency CHECK ((seen_price_minor IS NULL) = (seen_currency IS NULL))
);

CREATE INDEX ix_cart_items_sku_id ON cart_items (sku_id);
