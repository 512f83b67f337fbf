-- The tracking poller's carrier jobs as the ops API changes them (ingestion's /api/v1/ops/jobs): the poller
-- owns its Quartz triggers (scheduler silkway-tracking) and applies these rows to them within seconds, so
-- no other application writes that scheduler's tables or loads its job class.

-- A carrier API's schedule set by an admin: a Quartz cron (UTC) instead of the poller's configured
-- interval (silkway.tracking.poll.cycle). No row: the interval. updated_by is the admin's account id.
CREATE TABLE carrier_job_settings (
    api        text PRIMARY KEY CHECK (api IN ('cdek-v2', 'sf-express', 'russian-post', '17track')),
    cron       text NOT NULL CHECK (char_length(cron) BETWEEN 11 AND 120),
    updated_by text CHECK (char_length(updated_by) BETWEEN 1 AND 128),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- A run asked for through the ops API: one poller instance takes it (FOR UPDATE SKIP LOCKED), makes
-- every open leg of the API due now and starts a poll cycle; poll_run_id is that cycle's
-- carrier_poll_runs row (the run's executionId). Old requests go with their runs.
CREATE TABLE carrier_job_run_requests (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    api          text NOT NULL CHECK (api IN ('cdek-v2', 'sf-express', 'russian-post', '17track')),
    requested_by text CHECK (char_length(requested_by) BETWEEN 1 AND 128),
    requested_at timestamptz NOT NULL DEFAULT now(),
    taken_at     timestamptz,
    poll_run_id  bigint,
    CONSTRAINT ck_carrier_job_run_requests_taken CHECK ((taken_at IS NULL) = (poll_run_id IS NULL))
);

CREATE INDEX ix_carrier_job_run_requests_open ON carrier_job_run_requests (id) WHERE taken_at IS NULL;
