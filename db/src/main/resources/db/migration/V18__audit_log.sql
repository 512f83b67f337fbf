-- The audit log: who did what to whom, when, and from which address. Every admin and operator
-- action is written here (block/unblock, password reset sent, product hidden/approved, feed
-- added, schedule changed, run started, quarantine dismissed, ...), in the same transaction as
-- the action. details never holds personal data or secrets (ids, reasons and changed field
-- names only).

CREATE TABLE audit_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    -- NULL for the system itself (a job, a webhook). No ON DELETE action: users are never
    -- deleted (erasure clears their personal data, the row stays), and rows here never change.
    actor_id       uuid REFERENCES users (id),
    actor_role     text NOT NULL CHECK (actor_role IN ('SHOPPER', 'OPERATOR', 'ADMIN', 'SYSTEM')),
    action         text NOT NULL CHECK (action ~ '^[A-Z][A-Z0-9_]{1,63}$'),  -- e.g. USER_BLOCKED
    target_type    text CHECK (target_type ~ '^[a-z][a-z0-9_]{0,63}$'),      -- e.g. user, product
    target_id      text CHECK (char_length(target_id) BETWEEN 1 AND 128),
    outcome        text NOT NULL DEFAULT 'SUCCESS' CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILED')),
    client_address inet,
    user_agent     text CHECK (char_length(user_agent) <= 512),
    request_id     text CHECK (char_length(request_id) <= 128),
    details        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
    CONSTRAINT ck_audit_log_target CHECK ((target_type IS NULL) = (target_id IS NULL)),
    CONSTRAINT ck_audit_log_system_actor CHECK ((actor_role = 'SYSTEM') = (actor_id IS NULL))
);

CREATE INDEX ix_audit_log_occurred_at ON audit_log (occurred_at DESC);
CREATE INDEX ix_audit_log_actor ON audit_log (actor_id, occurred_at DESC) WHERE actor_id IS NOT NULL;
-- "Everything done to this user / product".
CREATE INDEX ix_audit_log_target ON audit_log (target_type, target_id, occurred_at DESC) WHERE target_id IS NOT NULL;
CREATE INDEX ix_audit_log_action ON audit_log (action, occurred_at DESC);

-- Append-only, whoever the database user is: an UPDATE or DELETE fails. Retention is by
-- TRUNCATE (or, later, by dropping time partitions), an explicit act of the table owner.
CREATE FUNCTION audit_log_reject_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();
