-- Support: questions and complaints (about a product, a delivery, a payment) as tickets with a
-- thread of messages between the shopper and operators.

CREATE TABLE support_tickets (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ticket_number   bigint GENERATED ALWAYS AS IDENTITY (START WITH 1001) NOT NULL,
    user_id         uuid NOT NULL REFERENCES users (id),
    order_id        uuid REFERENCES orders (id) ON DELETE SET NULL,
    product_id      bigint REFERENCES products (id) ON DELETE SET NULL,
    category        text NOT NULL CHECK (category IN
        ('QUESTION', 'PRODUCT_COMPLAINT', 'DELIVERY_COMPLAINT', 'PAYMENT', 'RETURN', 'ACCOUNT', 'OTHER')),
    subject         text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 200),
    status          text NOT NULL DEFAULT 'OPEN' CHECK (status IN
        ('OPEN', 'AWAITING_OPERATOR', 'AWAITING_SHOPPER', 'RESOLVED', 'CLOSED')),
    priority        text NOT NULL DEFAULT 'NORMAL' CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    assignee_id     uuid REFERENCES users (id) ON DELETE SET NULL,
    last_message_at timestamptz NOT NULL DEFAULT now(),
    closed_at       timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint NOT NULL DEFAULT 0,
    CONSTRAINT uq_support_tickets_ticket_number UNIQUE (ticket_number)
);

CREATE INDEX ix_support_tickets_user_created_at ON support_tickets (user_id, created_at DESC);
-- The operators' queue: open tickets by status, the longest waiting first.
CREATE INDEX ix_support_tickets_queue ON support_tickets (status, last_message_at)
    WHERE status NOT IN ('RESOLVED', 'CLOSED');
CREATE INDEX ix_support_tickets_assignee ON support_tickets (assignee_id, status) WHERE assignee_id IS NOT NULL;
CREATE INDEX ix_support_tickets_order_id ON support_tickets (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX ix_support_tickets_product_id ON support_tickets (product_id) WHERE product_id IS NOT NULL;

-- Free text is not encrypted (shoppers are told not to put card numbers or passwords in it);
-- author_role says which side wrote it; author_id is NULL for SYSTEM messages.
CREATE TABLE support_messages (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id   uuid NOT NULL REFERENCES support_tickets (id) ON DELETE CASCADE,
    author_id   uuid REFERENCES users (id),
    author_role text NOT NULL CHECK (author_role IN ('SHOPPER', 'OPERATOR', 'SYSTEM')),
    body        text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 10000),
    -- [{"storageKey": "...", "contentType": "image/jpeg", "sizeBytes": 12345}, ...]
    attachments jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attachments) = 'array'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ck_support_messages_author CHECK ((author_role = 'SYSTEM') = (author_id IS NULL))
);

CREATE INDEX ix_support_messages_ticket_time ON support_messages (ticket_id, created_at);
CREATE INDEX ix_support_messages_author_id ON support_messages (author_id) WHERE author_id IS NOT NULL;
