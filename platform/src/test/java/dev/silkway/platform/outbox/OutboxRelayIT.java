package dev.silkway.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.silkway.platform.outbox.Outbox.OutboxEvent;
import dev.silkway.testsupport.ServiceProperties;
import dev.silkway.testsupport.Services;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(properties = "silkway.outbox.poll-interval=50ms")
class OutboxRelayIT {

    private static final String TYPE = "probe" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "outbox");
        ServiceProperties.kafka(registry);
    }

    @SpringBootApplication
    static class App {}

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void committedEventsReachKafkaInOrderKeyedByAggregateAndAreMarkedPublished() {
        for (int i = 0; i < 30; i++) {
            int n = i;
            transactions.executeWithoutResult(
                    status -> outbox.append(new OutboxEvent(TYPE, "p-" + (n % 3), "ProductChanged", Map.of("n", n))));
        }

        List<ConsumerRecord<String, String>> received = consume("silkway." + TYPE + "s", 30);

        assertThat(received).hasSize(30);
        for (String key : List.of("p-0", "p-1", "p-2")) {
            List<Integer> ns = received.stream()
                    .filter(r -> r.key().equals(key))
                    .map(r -> Integer.parseInt(r.value().replaceAll("\\D", "")))
                    .toList();
            assertThat(ns).hasSize(10).isSorted();
        }
        assertThat(new String(
                        received.getFirst().headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("ProductChanged");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT count(*) FROM outbox_events WHERE aggregate_type = :t AND published_at IS NULL")
                                .param("t", TYPE)
                                .query(Long.class)
                                .single())
                        .isZero());
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverPublished() {
        String type = TYPE + "rb";
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    outbox.append(new OutboxEvent(type, "x", "Nope", Map.of()));
                    throw new IllegalStateException("the business change failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        transactions.executeWithoutResult(
                status -> outbox.append(new OutboxEvent(type, "x", "Kept", Map.of("kept", true))));

        List<ConsumerRecord<String, String>> received = consume("silkway." + type + "s", 1);

        assertThat(received)
                .singleElement()
                .satisfies(r -> assertThat(r.value()).contains("kept"));
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_events WHERE aggregate_type = :t")
                        .param("t", type)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(new OutboxEvent(TYPE, "y", "Loose", Map.of())))
                .hasMessageContaining("transaction");
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, int expected) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers",
                Services.kafka().bootstrapServers(),
                "group.id",
                "outbox-it-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest",
                "key.deserializer",
                StringDeserializer.class,
                "value.deserializer",
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= expected;
            });
            consumer.poll(Duration.ofMillis(500)).forEach(received::add);
        }
        return received;
    }
}
