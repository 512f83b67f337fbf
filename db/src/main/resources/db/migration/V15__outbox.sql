-- Messaging: the transactional outbox (every state change that others must hear about is
-- written here in the same transaction as the change, then relayed to Kafka) and the offsets of
-- consumers that commit their Kafka position together with their database work.

-- Relay: SELECT ... WHERE published_at IS NULL ORDER BY id LIMIT n FOR UPDATE SKIP LOCKED, send
-- to Kafka with key = aggregate_id, then set published_at. The relay polls "unpublished" rather
-- than "id greater than the last one seen": an identity value is taken at insert, not at commit,
-- so a watermark would skip a row whose transaction commits late. Events of one aggregate keep
-- their order as long as one relay instance publishes at a time (the aggregate's row lock
-- already orders the producing transactions). Published rows are deleted by a retention job.
-- The topic is derived from aggregate_type (e.g. 'product' -> silkway.products).
CREATE TABLE outbox_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    aggregate_type text NOT NULL CHECK (aggregate_type ~ '^[a-z][a-z0-9_.-]{0,63}$'),
    aggregate_id   text NOT NULL CHECK (char_length(aggregate_id) BETWEEN 1 AND 128),
    event_type     text NOT NULL CHECK (char_length(event_type) BETWEEN 1 AND 128),
    payload        jsonb NOT NULL,
    -- Kafka headers to send, {"name": "value"} (trace ids, schema version, ...).
    headers        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(headers) = 'object'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    published_at   timestamptz
);

-- Unpublished rows in order: the partial index holds only the backlog, so it stays tiny however
-- large the table grows.
CREATE INDEX ix_outbox_events_unpublished ON outbox_events (id) WHERE published_at IS NULL;
CREATE INDEX ix_outbox_events_published_at ON outbox_events USING brin (published_at);
CREATE INDEX ix_outbox_events_aggregate ON outbox_events (aggregate_type, aggregate_id);

-- Consumers that must not commit a Kafka offset before the database transaction that consumed
-- the records (ingestion's normalizer, the tracking poller) store the next offset to read per
-- partition in the same transaction, and seek to it on partition assignment.
CREATE TABLE consumer_offsets (
    consumer_group  text NOT NULL CHECK (char_length(consumer_group) BETWEEN 1 AND 255),
    topic           text NOT NULL CHECK (char_length(topic) BETWEEN 1 AND 249),
    kafka_partition integer NOT NULL CHECK (kafka_partition >= 0),
    next_offset     bigint NOT NULL CHECK (next_offset >= 0),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, kafka_partition)
);
