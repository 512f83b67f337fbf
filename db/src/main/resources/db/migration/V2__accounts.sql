-- Accounts: users, roles, sessions (refresh-token families), one-time tokens, login throttling.

CREATE TABLE roles (
    code        text PRIMARY KEY CHECK (code IN ('SHOPPER', 'OPERATOR', 'ADMIN')),
    description text NOT NULL
);

INSERT INTO roles (code, description) VALUES
    ('SHOPPER',  'Buys goods through the storefront'),
    ('OPERATOR', 'Runs marketplace ingestion, schedules, quarantine and moderation'),
    ('ADMIN',    'Manages users, moderation and everything an operator can do');

-- Personal data is never stored in plaintext (see V1):
--   email_enc, full_name_enc, phone_enc  AES-256-GCM envelopes (nonce || ciphertext || tag) under
--                                        the key named by pii_key_id (one key for the whole row,
--                                        so a rotation re-encrypts the row and rewrites the id).
--   email_bidx                           HMAC-SHA-256 of the normalized email (trimmed, lowercased):
--                                        login lookup and case-insensitive uniqueness.
--   phone_bidx                           HMAC of the E.164 phone: exact admin search.
--   name_search_bidx                     HMACs of the lowercased prefixes of each word of the full
--                                        name: the admin "name prefix" search without plaintext.
-- A deleted (erased) account keeps its row for the orders and the audit trail that point to it,
-- with its personal data and blind indexes set to NULL; the email is then free for a new account.
CREATE TABLE users (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email_enc           bytea,
    email_bidx          bytea,
    full_name_enc       bytea,
    phone_enc           bytea,
    phone_bidx          bytea,
    name_search_bidx    bytea[] NOT NULL DEFAULT '{}',
    pii_key_id          text,
    password_hash       text,
    status              text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'BLOCKED', 'DELETED')),
    email_verified_at   timestamptz,
    blocked_at          timestamptz,
    blocked_reason      text CHECK (char_length(blocked_reason) <= 1000),
    blocked_by          uuid REFERENCES users (id),
    -- Access tokens (JWTs) issued before this instant are refused: set on block, password reset and
    -- "log out everywhere", so the end of sessions does not wait for a 15-minute token to expire.
    sessions_revoked_at timestamptz,
    locale              text NOT NULL DEFAULT 'ru' CHECK (locale IN ('ru', 'en')),
    display_currency    char(3) NOT NULL DEFAULT 'RUB' CHECK (display_currency ~ '^[A-Z]{3}$'),
    last_login_at       timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             bigint NOT NULL DEFAULT 0,
    CONSTRAINT ck_users_personal_data_present CHECK (
        status = 'DELETED'
        OR (email_enc IS NOT NULL AND email_bidx IS NOT NULL AND full_name_enc IS NOT NULL
            AND phone_enc IS NOT NULL AND phone_bidx IS NOT NULL AND pii_key_id IS NOT NULL
            AND password_hash IS NOT NULL)),
    CONSTRAINT ck_users_blocked_has_reason CHECK (
        status <> 'BLOCKED' OR (blocked_at IS NOT NULL AND blocked_reason IS NOT NULL))
);

-- Unique: the same email (any case) cannot register twice; 409 on register maps to this name.
CREATE UNIQUE INDEX uq_users_email_bidx ON users (email_bidx);
CREATE INDEX ix_users_phone_bidx ON users (phone_bidx);
CREATE INDEX ix_users_name_search_bidx ON users USING gin (name_search_bidx);
-- Admin list: filter by status, newest first.
CREATE INDEX ix_users_status_created_at ON users (status, created_at DESC);
CREATE INDEX ix_users_blocked_by ON users (blocked_by) WHERE blocked_by IS NOT NULL;

COMMENT ON TABLE users IS 'Accounts of shoppers, operators and admins; personal data encrypted by the application';
COMMENT ON COLUMN users.email_bidx IS 'HMAC-SHA-256(blind-index key, lower(trim(email))): login lookup and uniqueness';
COMMENT ON COLUMN users.password_hash IS 'Argon2id encoded hash (Spring Security Argon2PasswordEncoder)';

CREATE TABLE user_roles (
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_code  text NOT NULL REFERENCES roles (code),
    granted_at timestamptz NOT NULL DEFAULT now(),
    granted_by uuid REFERENCES users (id) ON DELETE SET NULL,
    PRIMARY KEY (user_id, role_code)
);

CREATE INDEX ix_user_roles_role_code ON user_roles (role_code);
CREATE INDEX ix_user_roles_granted_by ON user_roles (granted_by) WHERE granted_by IS NOT NULL;

-- Opaque refresh tokens, stored as SHA-256 hashes, rotated on every use. All tokens descending
-- from one login share a family_id: presenting a token that was already used (used_at set)
-- revokes the whole family (theft detection).
CREATE TABLE refresh_tokens (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id      uuid NOT NULL,
    parent_id      uuid REFERENCES refresh_tokens (id) ON DELETE SET NULL,
    token_hash     bytea NOT NULL,
    issued_at      timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz,
    revoked_at     timestamptz,
    revoke_reason  text CHECK (revoke_reason IN
        ('LOGOUT', 'REUSE_DETECTED', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'BLOCKED', 'ADMIN', 'EXPIRED')),
    client_address inet,
    user_agent     text CHECK (char_length(user_agent) <= 512),
    CONSTRAINT uq_refresh_tokens_token_hash UNIQUE (token_hash),
    CONSTRAINT ck_refresh_tokens_expiry CHECK (expires_at > issued_at),
    CONSTRAINT ck_refresh_tokens_revoke_reason CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);

CREATE INDEX ix_refresh_tokens_family_id ON refresh_tokens (family_id);
-- "Revoke every session of this user" (block, password reset) touches only live tokens.
CREATE INDEX ix_refresh_tokens_user_live ON refresh_tokens (user_id) WHERE revoked_at IS NULL;
CREATE INDEX ix_refresh_tokens_parent_id ON refresh_tokens (parent_id) WHERE parent_id IS NOT NULL;
-- Clean-up job: delete expired tokens.
CREATE INDEX ix_refresh_tokens_expires_at ON refresh_tokens (expires_at);

-- One-time tokens (256-bit random, stored hashed). A used or expired token is refused.
CREATE TABLE password_reset_tokens (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash     bytea NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz,
    requested_by   uuid REFERENCES users (id) ON DELETE SET NULL, -- an admin, when sent from the admin API
    client_address inet,
    CONSTRAINT uq_password_reset_tokens_token_hash UNIQUE (token_hash),
    CONSTRAINT ck_password_reset_tokens_expiry CHECK (expires_at > created_at)
);

CREATE INDEX ix_password_reset_tokens_user_id ON password_reset_tokens (user_id);
CREATE INDEX ix_password_reset_tokens_requested_by ON password_reset_tokens (requested_by) WHERE requested_by IS NOT NULL;
CREATE INDEX ix_password_reset_tokens_expires_at ON password_reset_tokens (expires_at);

CREATE TABLE email_verification_tokens (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash bytea NOT NULL,
    -- The blind index of the address being verified: a verification for an email the user has
    -- since changed must not verify the new one.
    email_bidx bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    CONSTRAINT uq_email_verification_tokens_token_hash UNIQUE (token_hash),
    CONSTRAINT ck_email_verification_tokens_expiry CHECK (expires_at > created_at)
);

CREATE INDEX ix_email_verification_tokens_user_id ON email_verification_tokens (user_id);
CREATE INDEX ix_email_verification_tokens_expires_at ON email_verification_tokens (expires_at);

-- Every login attempt, successful or not, keyed by the email's blind index rather than by user
-- id: an unknown email is counted exactly like a known one (no enumeration through timing or
-- lockout behaviour). "5 failures in 15 minutes" is a count over the recent rows of one index;
-- being in the database, it holds across any number of application instances.
CREATE TABLE login_attempts (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email_bidx     bytea NOT NULL,
    user_id        uuid REFERENCES users (id) ON DELETE CASCADE,
    client_address inet NOT NULL,
    succeeded      boolean NOT NULL,
    failure_reason text CHECK (failure_reason IN
        ('BAD_CREDENTIALS', 'UNKNOWN_ACCOUNT', 'LOCKED', 'THROTTLED', 'BLOCKED')),
    attempted_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ck_login_attempts_failure_reason CHECK (succeeded = (failure_reason IS NULL))
);

CREATE INDEX ix_login_attempts_email_bidx_time ON login_attempts (email_bidx, attempted_at DESC);
CREATE INDEX ix_login_attempts_client_address_time ON login_attempts (client_address, attempted_at DESC);
CREATE INDEX ix_login_attempts_user_id ON login_attempts (user_id) WHERE user_id IS NOT NULL;
-- Retention: old attempts are deleted by time; BRIN is tiny on this append-only table.
CREATE INDEX ix_login_attempts_attempted_at ON login_attempts USING brin (attempted_at);

-- Fixed-window counters shared by all instances, for any throttle: login per account or per
-- client address, registration and password-reset requests per address or email. One atomic
--   INSERT ... ON CONFLICT (bucket_key) DO UPDATE SET hits = CASE WHEN window expired THEN 1
--   ELSE throttle_buckets.hits + 1 END, ... RETURNING hits, blocked_until
-- per request. bucket_key examples: 'login:account:<hex bidx>', 'login:ip:203.0.113.7',
-- 'password-reset:ip:203.0.113.7'. blocked_until is the lockout ("Retry-After").
CREATE TABLE throttle_buckets (
    bucket_key        text PRIMARY KEY CHECK (char_length(bucket_key) BETWEEN 1 AND 200),
    window_started_at timestamptz NOT NULL,
    hits              integer NOT NULL CHECK (hits >= 0),
    blocked_until     timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_throttle_buckets_updated_at ON throttle_buckets (updated_at);
