package dev.silkway.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Publishes the outbox to Kafka: in one transaction it locks a batch of unpublished events in id
 * order, sends them keyed by aggregate id, waits for every acknowledgement, and only then marks
 * them published. A failure rolls the marks back and the batch is sent again: delivery is at least
 * once, and consumers are idempotent. A transaction-scoped advisory lock lets one relay publish at
 * a time across all instances, which keeps each aggregate's events in order.
 */
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Any constant shared by all instances; "silkway outbox" as a number. */
    private static final long RELAY_LOCK = 0x5_11C_0B0_7L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final ObjectMapper json;
    private final Counter published;

    OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka,
            OutboxProperties properties,
            ObjectMapper json,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.json = json;
        this.published = meters.counter("silkway.outbox.published");
        meters.gauge("silkway.outbox.backlog", this, OutboxRelay::backlog);
    }

    @Scheduled(fixedDelayString = "${silkway.outbox.poll-interval:200ms}")
    void relay() {
        try {
            int sent;
            do {
                sent = publishBatch();
            } while (sent == properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("Outbox relay will retry: {}", e.getMessage());
        }
    }

    /** Publishes one batch; returns how many events it published. */
    int publishBatch() {
        Integer count = transactions.execute(status -> {
            boolean leader = jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                    .param("lock", RELAY_LOCK)
                    .query(Boolean.class)
                    .single();
            if (!leader) {
                return 0;
            }
            List<PendingEvent> batch = jdbc.sql("""
                    SELECT id, aggregate_type, aggregate_id, event_type, payload::text AS payload, headers::text AS headers
                    FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE
                    """)
                    .param("limit", properties.batchSize())
                    // by column: the record mapper would try each camelCase name first and throw at every miss
                    .query((rs, n) -> new PendingEvent(
                            rs.getLong("id"),
                            rs.getString("aggregate_type"),
                            rs.getString("aggregate_id"),
                            rs.getString("event_type"),
                            rs.getString("payload"),
                            rs.getString("headers")))
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            send(batch);
            jdbc.sql("UPDATE outbox_events SET published_at = now() WHERE id IN (:ids)")
                    .param("ids", batch.stream().map(PendingEvent::id).toList())
                    .update();
            return batch.size();
        });
        published.increment(count);
        return count;
    }

    private void send(List<PendingEvent> batch) {
        List<CompletableFuture<SendResult<String, String>>> acks = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(
                    properties.topicFor(event.aggregateType()), event.aggregateId(), event.payload());
            record.headers().add("event-type", event.eventType().getBytes(StandardCharsets.UTF_8));
            record.headers().add("event-id", Long.toString(event.id()).getBytes(StandardCharsets.UTF_8));
            headersOf(event)
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            acks.add(kafka.send(record));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> headersOf(PendingEvent event) {
        return json.readValue(event.headers(), Map.class);
    }

    private double backlog() {
        try {
            return jdbc.sql("SELECT count(*) FROM outbox_events WHERE published_at IS NULL")
                    .query(Long.class)
                    .single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    record PendingEvent(
            long id, String aggregateType, String aggregateId, String eventType, String payload, String headers) {}
}
