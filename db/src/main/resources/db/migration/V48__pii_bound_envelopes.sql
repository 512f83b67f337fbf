-- Personal-data envelopes are bound to their place: the AES-GCM additional data names the key id, the table, the
-- column and the row id (storefront crypto/PiiCipher, envelope version 2), so a ciphertext copied into another row
-- or column no longer opens. pii_aad_bound says whether every envelope of a row is bound yet: rows written before
-- are false until the rotation command (--silkway.rotate-pii-keys) rewrites them; rows inserted from now on are
-- bound (the default). Adding a column with a constant default rewrites no row.
ALTER TABLE users ADD COLUMN pii_aad_bound boolean NOT NULL DEFAULT false;
ALTER TABLE users ALTER COLUMN pii_aad_bound SET DEFAULT true;
ALTER TABLE addresses ADD COLUMN pii_aad_bound boolean NOT NULL DEFAULT false;
ALTER TABLE addresses ALTER COLUMN pii_aad_bound SET DEFAULT true;
ALTER TABLE notifications ADD COLUMN pii_aad_bound boolean NOT NULL DEFAULT false;
ALTER TABLE notifications ALTER COLUMN pii_aad_bound SET DEFAULT true;
ALTER TABLE orders ADD COLUMN pii_aad_bound boolean NOT NULL DEFAULT false;
ALTER TABLE orders ALTER COLUMN pii_aad_bound SET DEFAULT true;

COMMENT ON COLUMN users.pii_aad_bound IS 'Whether the row''s envelopes are bound to table, column and row id (rotation rewrites false rows)';
