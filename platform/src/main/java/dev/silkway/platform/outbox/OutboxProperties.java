package dev.silkway.platform.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay: on or off, batch size, how long to wait for Kafka, how long published rows are
 * kept, and which topic each aggregate type goes to (default {@code silkway.<type>s}).
 */
@Validated
@ConfigurationProperties("silkway.outbox")
record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention,
        @DefaultValue Map<String, String> topics) {

    String topicFor(String aggregateType) {
        return topics.getOrDefault(aggregateType, "silkway." + aggregateType + "s");
    }
}
