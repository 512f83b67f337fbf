-- Our shoppers' reviews of products (one per shopper per product) and their ratings of the
-- marketplaces. The marketplaces' own ratings and review counts are ingested into products.

CREATE TABLE product_reviews (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id    bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Set when the shopper bought the product through us ("verified purchase").
    order_line_id bigint REFERENCES order_lines (id) ON DELETE SET NULL,
    rating        smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title         text CHECK (char_length(title) <= 200),
    body          text CHECK (char_length(body) <= 5000),
    status        text NOT NULL DEFAULT 'PUBLISHED' CHECK (status IN ('PUBLISHED', 'PENDING_MODERATION', 'HIDDEN')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_product_reviews_product_user UNIQUE (product_id, user_id)
);

-- The product page's review list (GET /products/{id}/reviews), newest first.
CREATE INDEX ix_product_reviews_product_published ON product_reviews (product_id, created_at DESC)
    WHERE status = 'PUBLISHED';
CREATE INDEX ix_product_reviews_user_id ON product_reviews (user_id, created_at DESC);
CREATE INDEX ix_product_reviews_order_line_id ON product_reviews (order_line_id) WHERE order_line_id IS NOT NULL;
CREATE INDEX ix_product_reviews_moderation ON product_reviews (created_at) WHERE status = 'PENDING_MODERATION';

-- A shopper's rating of a marketplace (quality of goods bought there through us), one per
-- shopper per marketplace, updated when they rate again. GET /marketplaces shows the average.
CREATE TABLE marketplace_ratings (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    marketplace_code text NOT NULL REFERENCES marketplaces (code) ON DELETE CASCADE,
    user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    order_id         uuid REFERENCES orders (id) ON DELETE SET NULL,
    rating           smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment          text CHECK (char_length(comment) <= 2000),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_marketplace_ratings_marketplace_user UNIQUE (marketplace_code, user_id)
);

CREATE INDEX ix_marketplace_ratings_user_id ON marketplace_ratings (user_id);
CREATE INDEX ix_marketplace_ratings_order_id ON marketplace_ratings (order_id) WHERE order_id IS NOT NULL;
