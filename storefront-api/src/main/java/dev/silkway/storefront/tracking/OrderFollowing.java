package dev.silkway.storefront.tracking;

import dev.silkway.storefront.order.OrderLifecycle;
import dev.silkway.storefront.order.OrderSource;
import dev.silkway.storefront.order.OrderStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Applies a poll of shipment events in one transaction with their offsets: a record at or past the
 * stored next offset moves its order to where its shipments are (the least advanced shipment's stage,
 * read from the shipments themselves, so an order split in parcels is DELIVERED once all are), never
 * backwards; a record below it was applied already and is skipped. Redelivery changes nothing.
 */
@Component
class OrderFollowing {

    private static final Logger log = LoggerFactory.getLogger(OrderFollowing.class);
    private static final List<String> STAGES =
            List.of("SHIPPED", "IN_CUSTOMS", "ARRIVED", "OUT_FOR_DELIVERY", "DELIVERED");

    private final OrderLifecycle lifecycle;
    private final ConsumerOffsets offsets;
    private final FollowProperties properties;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OrderFollowing(
            OrderLifecycle lifecycle,
            ConsumerOffsets offsets,
            FollowProperties properties,
            JdbcClient jdbc,
            ObjectMapper json) {
        this.lifecycle = lifecycle;
        this.offsets = offsets;
        this.properties = properties;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Returns how many orders moved. */
    @Transactional
    int apply(List<ConsumerRecord<String, String>> records) {
        Map<Integer, Long> applied = offsets.next(properties.groupId(), properties.topic());
        Map<Integer, Long> next = new HashMap<>();
        int moved = 0;
        for (ConsumerRecord<String, String> record : records) {
            if (record.offset() < applied.getOrDefault(record.partition(), 0L)) {
                continue;
            }
            next.merge(record.partition(), record.offset() + 1, Math::max);
            UUID orderId = orderOf(record);
            if (orderId != null && follow(orderId)) {
                moved++;
            }
        }
        next.forEach((partition, offset) -> offsets.store(properties.groupId(), properties.topic(), partition, offset));
        return moved;
    }

    private boolean follow(UUID orderId) {
        List<String> stages = jdbc.sql("SELECT stage FROM shipments WHERE order_id = ?")
                .params(orderId)
                .query(String.class)
                .list();
        int least = stages.stream().mapToInt(STAGES::indexOf).min().orElse(-1);
        if (least < 0) {
            return false;
        }
        OrderStatus target = OrderStatus.valueOf(STAGES.get(least));
        return lifecycle.advance(orderId, target, OrderSource.CARRIER, "carrier: " + target.name());
    }

    private @org.jspecify.annotations.Nullable UUID orderOf(ConsumerRecord<String, String> record) {
        try {
            JsonNode event = json.readTree(record.value());
            return UUID.fromString(event.path("orderId").asString());
        } catch (RuntimeException e) {
            log.warn(
                    "Skipping a shipment event that names no order (partition {}, offset {})",
                    record.partition(),
                    record.offset());
            return null;
        }
    }
}
