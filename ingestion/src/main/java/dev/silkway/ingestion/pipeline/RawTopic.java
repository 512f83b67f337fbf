package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.config.IngestionProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The raw-record topic: created with its partitions at start, and read without a consumer group — the normalize
 * step keeps its positions in the Batch step's ExecutionContext, committed with the chunk's database writes, so no
 * Kafka offset is ever committed ahead of the database.
 */
@Configuration(proxyBeanMethods = false)
public class RawTopic {

    static final String RUN_ID = "silkway-run-id";
    static final String EXECUTION_ID = "silkway-execution-id";
    static final String PAGE = "silkway-page";
    static final String POSITION = "silkway-position";
    static final String DUPLICATE = "silkway-duplicate";
    /** The characters of a record too large to publish: its body is {@code {}} and the normalizer quarantines it. */
    static final String OVERSIZED = "silkway-oversized";

    private final KafkaProperties kafka;
    private final IngestionProperties properties;

    RawTopic(KafkaProperties kafka, IngestionProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    @Bean
    NewTopic rawOffersTopic() {
        return new NewTopic(properties.rawTopic(), properties.rawTopicPartitions(), properties.rawTopicReplicas());
    }

    String name() {
        return properties.rawTopic();
    }

    KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    /** The end offset of every partition now, as {@code "0:12,1:40"}. */
    String endOffsets() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            return format(consumer.endOffsets(partitions));
        }
    }

    static String format(Map<TopicPartition, Long> offsets) {
        return formatPositions(offsets.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue)));
    }

    /** Offsets per partition number as {@code "0:12,1:40"}, in partition order. */
    static String formatPositions(Map<Integer, Long> offsets) {
        return new TreeMap<>(offsets)
                .entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    static Map<Integer, Long> parse(String offsets) {
        Map<Integer, Long> out = new TreeMap<>();
        if (offsets.isBlank()) {
            return out;
        }
        for (String pair : offsets.split(",")) {
            String[] kv = pair.split(":");
            out.put(Integer.parseInt(kv[0]), Long.parseLong(kv[1]));
        }
        return out;
    }
}
