package dev.silkway.storefront.tracking;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code silkway.shipments} in batches; on assignment seeks each partition to the offset the
 * database holds (the transaction that applied the records stored it), so Kafka's own committed
 * offsets never decide what was applied.
 */
@Component
class ShipmentEventsListener implements ConsumerSeekAware {

    private final OrderFollowing following;
    private final ConsumerOffsets offsets;
    private final FollowProperties properties;

    ShipmentEventsListener(OrderFollowing following, ConsumerOffsets offsets, FollowProperties properties) {
        this.following = following;
        this.offsets = offsets;
        this.properties = properties;
    }

    @KafkaListener(
            id = "order-tracking",
            topics = "${silkway.tracking.topic:silkway.shipments}",
            groupId = "${silkway.tracking.group-id:storefront-order-tracking}",
            batch = "true",
            properties = {"auto.offset.reset=earliest", "max.poll.records=200"})
    void onShipmentEvents(List<ConsumerRecord<String, String>> records) {
        following.apply(records);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        Map<Integer, Long> stored = offsets.next(properties.groupId(), properties.topic());
        assignments.keySet().forEach(partition -> {
            Long next = stored.get(partition.partition());
            if (next != null) {
                callback.seek(partition.topic(), partition.partition(), next);
            }
        });
    }
}
