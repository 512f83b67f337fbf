package dev.silkway.tracking.ops;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a shipment counts as stuck: no event for longer than its status allows ({@code after}, per
 * normalized status), else {@code otherwise}.
 */
@Validated
@ConfigurationProperties("silkway.tracking.stuck")
record StuckProperties(
        @DefaultValue Map<String, Duration> after,
        @DefaultValue("10d") Duration otherwise) {

    static final Map<String, Duration> DEFAULTS = Map.of(
            "PENDING", Duration.ofDays(5),
            "INFO_RECEIVED", Duration.ofDays(5),
            "IN_TRANSIT", Duration.ofDays(10),
            "OUT_FOR_DELIVERY", Duration.ofDays(2),
            "AVAILABLE_FOR_PICKUP", Duration.ofDays(7),
            "ATTEMPT_FAIL", Duration.ofDays(3),
            "EXCEPTION", Duration.ofDays(3));

    /** Keys as written or as relaxed binding left them (in_transit, intransit, IN_TRANSIT). */
    private static String normalized(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT);
    }

    Duration forStatus(String status) {
        for (Map.Entry<String, Duration> configured : after.entrySet()) {
            if (normalized(configured.getKey()).equals(normalized(status))) {
                return configured.getValue();
            }
        }
        return DEFAULTS.getOrDefault(status, otherwise);
    }
}
