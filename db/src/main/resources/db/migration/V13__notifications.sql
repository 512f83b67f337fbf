-- Notifications: what each shopper wants to receive on which channel, their push subscriptions,
-- and the outgoing email / SMS / push messages with their delivery state (a durable queue:
-- a failed send is retried later, never lost, and never fails the request that caused it).

-- Kinds a shopper can switch on or off per channel. Security mail (email verification, password
-- reset, new sign-in) is not optional and therefore has no preference row.
CREATE TABLE notification_preferences (
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    channel    text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH')),
    kind       text NOT NULL CHECK (kind IN ('ORDER_STATUS', 'SUPPORT_REPLY', 'PRICE_ALERT', 'PROMOTIONS')),
    enabled    boolean NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, channel, kind)
);

-- Web Push (endpoint + p256dh + auth keys) or Firebase Cloud Messaging (registration token in
-- endpoint). A 404/410 from the push service deletes the row.
CREATE TABLE push_subscriptions (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('WEB_PUSH', 'FCM')),
    endpoint     text NOT NULL CHECK (char_length(endpoint) BETWEEN 1 AND 2048),
    p256dh       text CHECK (char_length(p256dh) <= 256),
    auth         text CHECK (char_length(auth) <= 64),
    user_agent   text CHECK (char_length(user_agent) <= 512),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    CONSTRAINT uq_push_subscriptions_endpoint UNIQUE (endpoint),
    CONSTRAINT ck_push_subscriptions_web_push_keys CHECK (kind <> 'WEB_PUSH' OR (p256dh IS NOT NULL AND auth IS NOT NULL))
);

CREATE INDEX ix_push_subscriptions_user_id ON push_subscriptions (user_id);

-- Outgoing messages. A dispatcher claims due rows (status PENDING, next_attempt_at <= now()) with
-- SELECT ... FOR UPDATE SKIP LOCKED, pushes next_attempt_at forward as a lease, sends, then marks
-- SENT or schedules the next attempt with back-off; after max_attempts it gives up (FAILED).
--   recipient_enc   the email address or phone number, encrypted (NULL for push: the user's
--                   subscriptions, or push_subscription_id for one device).
--   params          template parameters that are not secret (order number, status, ...).
--   secret_params_enc  parameters that must not rest in clear (a password-reset link carries a
--                   live token): encrypted, and set to NULL once the message is sent.
--   dedup_key       makes producers idempotent ('order:<id>:status:SHIPPED:EMAIL').
CREATE TABLE notifications (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id              uuid REFERENCES users (id) ON DELETE CASCADE,
    channel              text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH')),
    kind                 text NOT NULL CHECK (kind IN ('ORDER_STATUS', 'SUPPORT_REPLY', 'PRICE_ALERT', 'PROMOTIONS',
        'EMAIL_VERIFICATION', 'PASSWORD_RESET', 'SECURITY')),
    template             text NOT NULL CHECK (template ~ '^[a-z0-9]+([._-][a-z0-9]+)*$'),
    locale               text NOT NULL DEFAULT 'ru' CHECK (locale IN ('ru', 'en')),
    recipient_enc        bytea,
    push_subscription_id uuid REFERENCES push_subscriptions (id) ON DELETE CASCADE,
    pii_key_id           text,
    params               jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(params) = 'object'),
    secret_params_enc    bytea,
    dedup_key            text CHECK (char_length(dedup_key) BETWEEN 1 AND 256),
    status               text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts             integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts         integer NOT NULL DEFAULT 10 CHECK (max_attempts >= 1),
    next_attempt_at      timestamptz NOT NULL DEFAULT now(),
    last_error           text CHECK (char_length(last_error) <= 4000),
    provider_message_id  text CHECK (char_length(provider_message_id) <= 256),
    created_at           timestamptz NOT NULL DEFAULT now(),
    sent_at              timestamptz,
    CONSTRAINT uq_notifications_dedup_key UNIQUE (dedup_key),
    CONSTRAINT ck_notifications_recipient CHECK (
        (channel = 'PUSH' AND recipient_enc IS NULL AND user_id IS NOT NULL)
        OR (channel <> 'PUSH' AND recipient_enc IS NOT NULL AND push_subscription_id IS NULL)),
    CONSTRAINT ck_notifications_key_id CHECK (
        (recipient_enc IS NULL AND secret_params_enc IS NULL) OR pii_key_id IS NOT NULL),
    CONSTRAINT ck_notifications_attempts CHECK (attempts <= max_attempts),
    CONSTRAINT ck_notifications_sent CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);

-- The dispatcher's queue: only pending rows, by due time.
CREATE INDEX ix_notifications_due ON notifications (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX ix_notifications_user_created_at ON notifications (user_id, created_at DESC) WHERE user_id IS NOT NULL;
CREATE INDEX ix_notifications_push_subscription_id ON notifications (push_subscription_id)
    WHERE push_subscription_id IS NOT NULL;
