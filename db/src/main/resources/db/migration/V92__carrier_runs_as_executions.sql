-- A carrier job's run is an execution of the ops API like a feed's (GET /api/v1/ops/executions/{id}): its id is
-- drawn from Spring Batch's job execution sequence, so that one id names one execution whichever table holds
-- it. The runs kept so far are renumbered from that sequence, and the run requests that name them follow.

ALTER TABLE carrier_poll_runs ADD COLUMN execution_id bigint;
UPDATE carrier_poll_runs SET execution_id = nextval('batch_job_execution_seq');
UPDATE carrier_job_run_requests r SET poll_run_id = p.execution_id
FROM carrier_poll_runs p WHERE r.poll_run_id = p.id;
-- a request whose run was already deleted by the retention keeps no stale id that a new run could take
UPDATE carrier_job_run_requests SET poll_run_id = nextval('batch_job_execution_seq')
WHERE poll_run_id IS NOT NULL AND poll_run_id NOT IN (SELECT execution_id FROM carrier_poll_runs);

ALTER TABLE carrier_poll_runs DROP CONSTRAINT carrier_poll_runs_pkey;
ALTER TABLE carrier_poll_runs DROP COLUMN id;
ALTER TABLE carrier_poll_runs RENAME COLUMN execution_id TO id;
ALTER TABLE carrier_poll_runs ALTER COLUMN id SET NOT NULL;
ALTER TABLE carrier_poll_runs ALTER COLUMN id SET DEFAULT nextval('batch_job_execution_seq');
ALTER TABLE carrier_poll_runs ADD CONSTRAINT carrier_poll_runs_pkey PRIMARY KEY (id);
