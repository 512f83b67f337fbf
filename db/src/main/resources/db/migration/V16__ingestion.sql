-- Ingestion bookkeeping: the fetch runs of the marketplace feeds (Camel routes paging through a
-- marketplace API into Kafka), per-step counts of the normalizing Spring Batch jobs beyond what
-- Batch counts itself, and the quarantine of records that failed validation.

-- One row per fetch of one marketplace. checkpoint is where the next page starts (page number,
-- offset or cursor, as text), saved after each page, so a fetch interrupted by a crash resumes
-- there. At most one RUNNING fetch per marketplace: a second instance (or a manual run racing a
-- scheduled one) fails on uq_ingestion_fetch_runs_one_running instead of fetching twice; a run
-- whose heartbeat stopped is set ABANDONED before a new one starts.
CREATE TABLE ingestion_fetch_runs (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    marketplace_code  text NOT NULL REFERENCES marketplaces (code) ON DELETE CASCADE,
    trigger           text NOT NULL CHECK (trigger IN ('SCHEDULE', 'MANUAL', 'STARTUP', 'RESUME')),
    status            text NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'ABANDONED')),
    instance_id       text CHECK (char_length(instance_id) <= 200),
    checkpoint        text CHECK (char_length(checkpoint) <= 2000),
    pages_fetched     integer NOT NULL DEFAULT 0 CHECK (pages_fetched >= 0),
    records_published bigint NOT NULL DEFAULT 0 CHECK (records_published >= 0),
    errors            integer NOT NULL DEFAULT 0 CHECK (errors >= 0),
    error_message     text CHECK (char_length(error_message) <= 4000),
    started_at        timestamptz NOT NULL DEFAULT now(),
    heartbeat_at      timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    CONSTRAINT ck_ingestion_fetch_runs_finished CHECK ((status = 'RUNNING') = (finished_at IS NULL))
);

CREATE UNIQUE INDEX uq_ingestion_fetch_runs_one_running ON ingestion_fetch_runs (marketplace_code)
    WHERE status = 'RUNNING';
-- "lastRun" per marketplace (GET /ops/marketplaces).
CREATE INDEX ix_ingestion_fetch_runs_marketplace_started ON ingestion_fetch_runs (marketplace_code, started_at DESC);

-- Counts Spring Batch does not keep: how many normalized records were unchanged (skipped by the
-- content-hash comparison in the merge) and how many went to quarantine, per step execution.
-- job_execution_id is BATCH_JOB_EXECUTION.JOB_EXECUTION_ID; no FK, Batch metadata is pruned
-- on its own schedule.
CREATE TABLE ingestion_step_stats (
    job_execution_id  bigint NOT NULL,
    step_name         text NOT NULL CHECK (char_length(step_name) BETWEEN 1 AND 100),
    marketplace_code  text REFERENCES marketplaces (code) ON DELETE CASCADE,
    read_count        bigint NOT NULL DEFAULT 0 CHECK (read_count >= 0),
    written_count     bigint NOT NULL DEFAULT 0 CHECK (written_count >= 0),
    unchanged_count   bigint NOT NULL DEFAULT 0 CHECK (unchanged_count >= 0),
    quarantined_count bigint NOT NULL DEFAULT 0 CHECK (quarantined_count >= 0),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_execution_id, step_name)
);

CREATE INDEX ix_ingestion_step_stats_marketplace_code ON ingestion_step_stats (marketplace_code)
    WHERE marketplace_code IS NOT NULL;

-- Records rejected by validation: a rejected record is data, not an exception that stops the job.
-- raw_payload is the record exactly as received, as text (never parsed into jsonb: broken JSON
-- must be kept as it came); the writer escapes a NUL character as \u0000 because PostgreSQL text
-- cannot hold it. reason_code is machine-readable (MISSING_PRICE, NEGATIVE_STOCK, WRONG_TYPE,
-- MALFORMED_JSON, TEXT_TOO_LONG, CONTROL_CHARACTERS, DUPLICATE_ID, ...), reason the detail.
-- The same raw record delivered twice within one execution is stored once:
-- INSERT ... ON CONFLICT ON CONSTRAINT uq_quarantined_records_execution_payload DO NOTHING.
CREATE TABLE quarantined_records (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    marketplace_code text NOT NULL REFERENCES marketplaces (code) ON DELETE CASCADE,
    job_execution_id bigint NOT NULL, -- BATCH_JOB_EXECUTION.JOB_EXECUTION_ID (no FK, see above)
    step_name        text CHECK (char_length(step_name) <= 100),
    external_id      text CHECK (char_length(external_id) <= 256),
    record_key       text CHECK (char_length(record_key) <= 512), -- the Kafka key
    kafka_topic      text CHECK (char_length(kafka_topic) <= 249),
    kafka_partition  integer CHECK (kafka_partition >= 0),
    kafka_offset     bigint CHECK (kafka_offset >= 0),
    raw_payload      text NOT NULL,
    payload_sha256   bytea NOT NULL CHECK (octet_length(payload_sha256) = 32),
    reason_code      text NOT NULL CHECK (reason_code ~ '^[A-Z][A-Z0-9_]{1,63}$'),
    reason           text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 2000),
    field            text CHECK (char_length(field) <= 200),
    quarantined_at   timestamptz NOT NULL DEFAULT now(),
    resolution       text CHECK (resolution IN ('REPLAYED', 'DISMISSED')),
    resolved_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    resolved_at      timestamptz,
    CONSTRAINT uq_quarantined_records_execution_payload UNIQUE (job_execution_id, payload_sha256),
    CONSTRAINT ck_quarantined_records_resolution CHECK ((resolution IS NULL) = (resolved_at IS NULL))
);

-- GET /ops/quarantine?marketplace=&executionId=: by execution through the unique constraint's
-- index, by marketplace (newest first) through this one.
CREATE INDEX ix_quarantined_records_marketplace_time ON quarantined_records (marketplace_code, quarantined_at DESC);
CREATE INDEX ix_quarantined_records_resolved_by ON quarantined_records (resolved_by) WHERE resolved_by IS NOT NULL;
