-- Promotions (discounts on goods or delivery, optionally behind a promo code) and the alerts a
-- shopper opts into (a price drop, a SKU back in stock, promotions in a category).

CREATE TABLE promotions (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug             text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 64),
    -- Shoppers type it at checkout; NULL for promotions that apply by themselves.
    promo_code       text CHECK (promo_code ~ '^[A-Z0-9]{3,32}$'),
    title_ru         text NOT NULL CHECK (char_length(title_ru) BETWEEN 1 AND 200),
    title_en         text NOT NULL CHECK (char_length(title_en) BETWEEN 1 AND 200),
    description_ru   text CHECK (char_length(description_ru) <= 5000),
    description_en   text CHECK (char_length(description_en) <= 5000),
    discount_kind    text NOT NULL CHECK (discount_kind IN ('PERCENT', 'AMOUNT', 'FREE_DELIVERY')),
    percent_off      numeric(5, 2) CHECK (percent_off > 0 AND percent_off <= 100),
    amount_off_minor bigint CHECK (amount_off_minor > 0),
    currency         char(3) CHECK (currency ~ '^[A-Z]{3}$'),
    -- What it applies to: everything, one marketplace, a category subtree, one product, or the
    -- delivery (optionally one delivery method).
    scope            text NOT NULL CHECK (scope IN ('ALL', 'MARKETPLACE', 'CATEGORY', 'PRODUCT', 'DELIVERY')),
    marketplace_code text REFERENCES marketplaces (code) ON DELETE CASCADE,
    category_id      bigint REFERENCES categories (id) ON DELETE CASCADE,
    product_id       bigint REFERENCES products (id) ON DELETE CASCADE,
    delivery_method  text CHECK (delivery_method IN ('AIR', 'SEA', 'EXPRESS')),
    min_order_minor  bigint CHECK (min_order_minor >= 0),
    max_redemptions  integer CHECK (max_redemptions > 0),
    per_user_limit   integer CHECK (per_user_limit > 0),
    status           text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ACTIVE', 'PAUSED', 'ENDED')),
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    created_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          bigint NOT NULL DEFAULT 0,
    CONSTRAINT uq_promotions_slug UNIQUE (slug),
    CONSTRAINT uq_promotions_promo_code UNIQUE (promo_code),
    CONSTRAINT ck_promotions_period CHECK (ends_at > starts_at),
    CONSTRAINT ck_promotions_discount CHECK (
        (discount_kind = 'PERCENT' AND percent_off IS NOT NULL AND amount_off_minor IS NULL)
        OR (discount_kind = 'AMOUNT' AND amount_off_minor IS NOT NULL AND percent_off IS NULL)
        OR (discount_kind = 'FREE_DELIVERY' AND percent_off IS NULL AND amount_off_minor IS NULL)),
    CONSTRAINT ck_promotions_currency CHECK (
        (amount_off_minor IS NULL AND min_order_minor IS NULL) OR currency IS NOT NULL),
    CONSTRAINT ck_promotions_scope_target CHECK (
        (scope = 'MARKETPLACE') = (marketplace_code IS NOT NULL)
        AND (scope = 'CATEGORY') = (category_id IS NOT NULL)
        AND (scope = 'PRODUCT') = (product_id IS NOT NULL)
        AND (delivery_method IS NULL OR scope = 'DELIVERY')),
    CONSTRAINT ck_promotions_free_delivery_scope CHECK (discount_kind <> 'FREE_DELIVERY' OR scope = 'DELIVERY')
);

-- Promotions running now: status ACTIVE and now() between starts_at and ends_at.
CREATE INDEX ix_promotions_active ON promotions (starts_at, ends_at) WHERE status = 'ACTIVE';
CREATE INDEX ix_promotions_marketplace_code ON promotions (marketplace_code) WHERE marketplace_code IS NOT NULL;
CREATE INDEX ix_promotions_category_id ON promotions (category_id) WHERE category_id IS NOT NULL;
CREATE INDEX ix_promotions_product_id ON promotions (product_id) WHERE product_id IS NOT NULL;
CREATE INDEX ix_promotions_created_by ON promotions (created_by) WHERE created_by IS NOT NULL;

-- Promotions applied to an order, with the discount each gave (in the order's currency).
CREATE TABLE order_promotions (
    order_id       uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    promotion_id   bigint NOT NULL REFERENCES promotions (id),
    discount_minor bigint NOT NULL CHECK (discount_minor >= 0),
    currency       char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    PRIMARY KEY (order_id, promotion_id)
);

CREATE INDEX ix_order_promotions_promotion_id ON order_promotions (promotion_id);

-- Opt-in alerts. PRICE_DROP: the product (or one SKU) falls to target_price_minor or below;
-- BACK_IN_STOCK: the product (or SKU) is in stock again; PROMOTION: a promotion starts in the
-- category (or anywhere). Ingestion looks the alerts of a changed product up by product_id.
CREATE TABLE discount_alerts (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id            uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind               text NOT NULL CHECK (kind IN ('PRICE_DROP', 'BACK_IN_STOCK', 'PROMOTION')),
    product_id         bigint REFERENCES products (id) ON DELETE CASCADE,
    sku_id             bigint REFERENCES skus (id) ON DELETE CASCADE,
    category_id        bigint REFERENCES categories (id) ON DELETE CASCADE,
    target_price_minor bigint CHECK (target_price_minor >= 0),
    currency           char(3) CHECK (currency ~ '^[A-Z]{3}$'),
    active             boolean NOT NULL DEFAULT true,
    last_notified_at   timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ck_discount_alerts_target CHECK (
        (kind IN ('PRICE_DROP', 'BACK_IN_STOCK') AND product_id IS NOT NULL AND category_id IS NULL)
        OR (kind = 'PROMOTION' AND product_id IS NULL AND sku_id IS NULL)),
    CONSTRAINT ck_discount_alerts_price CHECK (
        (kind = 'PRICE_DROP') = (target_price_minor IS NOT NULL)
        AND (target_price_minor IS NULL) = (currency IS NULL)),
    -- One alert of a kind per shopper and target; NULLS NOT DISTINCT (PostgreSQL 15) makes
    -- "no SKU" / "no category" count as one value, so the constraint also serves ON CONFLICT.
    CONSTRAINT uq_discount_alerts_user_target UNIQUE NULLS NOT DISTINCT (user_id, kind, product_id, sku_id, category_id)
);

CREATE INDEX ix_discount_alerts_product_active ON discount_alerts (product_id) WHERE active AND product_id IS NOT NULL;
CREATE INDEX ix_discount_alerts_sku_id ON discount_alerts (sku_id) WHERE sku_id IS NOT NULL;
CREATE INDEX ix_discount_alerts_category_active ON discount_alerts (category_id) WHERE active AND category_id IS NOT NULL;
