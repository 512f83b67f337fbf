-- Ingestion pipeline bookkeeping beyond V16: which Spring Batch execution a fetch run is carried by
-- (a restart after a crash continues the same run under a new execution), and the schedules of the
-- ingestion jobs that are not marketplace feeds (exchange rates; carriers later). A marketplace
-- feed's schedule stays in marketplaces.schedule.

ALTER TABLE ingestion_fetch_runs
    ADD COLUMN job_execution_id bigint, -- BATCH_JOB_EXECUTION.JOB_EXECUTION_ID of the latest attempt (no FK, see V16)
    ADD COLUMN records_normalized bigint NOT NULL DEFAULT 0 CHECK (records_normalized >= 0);

CREATE INDEX ix_ingestion_fetch_runs_job_execution_id ON ingestion_fetch_runs (job_execution_id)
    WHERE job_execution_id IS NOT NULL;

CREATE TABLE ingestion_job_schedules (
    job_name      text PRIMARY KEY CHECK (job_name ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    schedule      text NOT NULL CHECK (schedule ~ '^\S+(\s+\S+){5,6}$'),
    time_zone     text NOT NULL DEFAULT 'UTC',
    enabled       boolean NOT NULL DEFAULT true,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- The CBR publishes the next day's rates in the afternoon (Moscow time).
INSERT INTO ingestion_job_schedules (job_name, schedule, time_zone) VALUES
    ('exchange-rates', '0 30 16 * * ?', 'Europe/Moscow');
