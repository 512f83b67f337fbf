-- Ingestion compares every offer of a chunk with its stored content hash (one probe of this unique
-- index per offer). With content_hash as an INCLUDE column the probe is an index-only scan once
-- the table's pages are all-visible (ingestion VACUUMs products after a step that wrote many rows),
-- so re-ingesting an unchanged catalogue no longer visits the heap. The constraint keeps its name
-- and its key columns, so ON CONFLICT (marketplace_code, external_id) still infers it.
-- content_hash was already never updated HOT (updated_at is indexed), so no update gets dearer.

ALTER TABLE products
    DROP CONSTRAINT uq_products_marketplace_external_id,
    ADD CONSTRAINT uq_products_marketplace_external_id UNIQUE (marketplace_code, external_id)
        INCLUDE (content_hash);
