-- Search indexing bookkeeping: documents Elasticsearch rejected, and full reindex runs.

-- A document Elasticsearch refused (mapping error, too large, ...) is not retried forever and
-- not lost: it lands here with the reason, and the indexer moves on. Retries of the same
-- product version are one row (unique), a newer version of the product is a new row.
CREATE TABLE search_dead_letters (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    index_name      text NOT NULL CHECK (char_length(index_name) BETWEEN 1 AND 255),
    product_id      bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    product_version bigint NOT NULL CHECK (product_version >= 0),
    operation       text NOT NULL CHECK (operation IN ('INDEX', 'DELETE')),
    error_type      text CHECK (char_length(error_type) <= 200), -- e.g. mapper_parsing_exception
    reason          text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 4000),
    http_status     integer CHECK (http_status BETWEEN 100 AND 599),
    document        jsonb,
    attempts        integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    created_at      timestamptz NOT NULL DEFAULT now(),
    resolved_at     timestamptz,
    CONSTRAINT uq_search_dead_letters_document UNIQUE (index_name, product_id, product_version, operation)
);

CREATE INDEX ix_search_dead_letters_unresolved ON search_dead_letters (created_at) WHERE resolved_at IS NULL;
CREATE INDEX ix_search_dead_letters_product_id ON search_dead_letters (product_id);

-- A full reindex into a new index followed by an atomic alias swap; progress is readable from any
-- instance, and last_product_id is the checkpoint (products are read in id order).
CREATE TABLE search_reindex_runs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alias           text NOT NULL DEFAULT 'products' CHECK (char_length(alias) BETWEEN 1 AND 255),
    target_index    text NOT NULL CHECK (char_length(target_index) BETWEEN 1 AND 255),
    status          text NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'SWAPPED', 'FAILED', 'CANCELLED')),
    total_products  bigint CHECK (total_products >= 0),
    indexed_count   bigint NOT NULL DEFAULT 0 CHECK (indexed_count >= 0),
    failed_count    bigint NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
    last_product_id bigint,
    started_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    error_message   text CHECK (char_length(error_message) <= 4000),
    started_at      timestamptz NOT NULL DEFAULT now(),
    heartbeat_at    timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    CONSTRAINT ck_search_reindex_runs_finished CHECK ((status = 'RUNNING') = (finished_at IS NULL))
);

-- One reindex at a time per alias.
CREATE UNIQUE INDEX uq_search_reindex_runs_one_running ON search_reindex_runs (alias) WHERE status = 'RUNNING';
CREATE INDEX ix_search_reindex_runs_started_by ON search_reindex_runs (started_by) WHERE started_by IS NOT NULL;
