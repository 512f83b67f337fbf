package dev.silkway.platform.outbox;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Appends events to the transactional outbox in the caller's transaction: the state change and its
 * event commit together or not at all, and the relay then publishes the event to Kafka. Never
 * {@code save()} then {@code send()}.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Outbox(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Must run inside the transaction that makes the change the event describes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OutboxEvent event) {
        jdbc.sql("""
                INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload, headers)
                VALUES (:type, :id, :event, CAST(:payload AS jsonb), CAST(:headers AS jsonb))
                """)
                .param("type", event.aggregateType())
                .param("id", event.aggregateId())
                .param("event", event.eventType())
                .param("payload", json.writeValueAsString(event.payload()))
                .param("headers", json.writeValueAsString(event.headers()))
                .update();
    }

    /** An event to publish: its aggregate (type and id, the Kafka key), its type and its body. */
    public record OutboxEvent(
            String aggregateType, String aggregateId, String eventType, Object payload, Map<String, String> headers) {

        public OutboxEvent(String aggregateType, String aggregateId, String eventType, Object payload) {
            this(aggregateType, aggregateId, eventType, payload, Map.of());
        }
    }
}
