-- Checkout, cart: a guest may build a cart too. A guest cart has no user and is found by the SHA-256
-- of its opaque token (the X-Cart-Token header; the token itself is never stored). At sign-in it is
-- merged into the shopper's cart and deleted. A cart belongs to exactly one of the two.
-- carts.version is not used: the cart's version is a fingerprint of what the shopper sees (lines,
-- quantities, current prices, stock shortfalls, availability), computed on every read.

ALTER TABLE carts ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE carts ADD COLUMN token_hash bytea;
ALTER TABLE carts ADD CONSTRAINT uq_carts_token_hash UNIQUE (token_hash);
ALTER TABLE carts ADD CONSTRAINT ck_carts_owner CHECK ((user_id IS NULL) <> (token_hash IS NULL));

-- Guest carts nobody came back to are deleted after a while (oldest first).
CREATE INDEX ix_carts_guest_updated_at ON carts (updated_at) WHERE user_id IS NULL;
-- Lines in the order they were added.
CREATE INDEX ix_cart_items_cart_added ON cart_items (cart_id, added_at);
