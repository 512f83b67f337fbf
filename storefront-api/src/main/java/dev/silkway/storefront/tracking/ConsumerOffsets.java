package dev.silkway.storefront.tracking;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** consumer_offsets: the next offset per partition, written in the transaction that consumed the records. */
@Component
class ConsumerOffsets {

    private final JdbcClient jdbc;

    ConsumerOffsets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Integer, Long> next(String group, String topic) {
        return jdbc
                .sql("SELECT kafka_partition, next_offset FROM consumer_offsets WHERE consumer_group = ? AND topic = ?")
                .params(group, topic)
                .query((rs, i) -> Map.entry(rs.getInt(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void store(String group, String topic, int partition, long next) {
        jdbc.sql("""
                INSERT INTO consumer_offsets (consumer_group, topic, kafka_partition, next_offset) VALUES (?, ?, ?, ?)
                ON CONFLICT (consumer_group, topic, kafka_partition)
                DO UPDATE SET next_offset = greatest(consumer_offsets.next_offset, EXCLUDED.next_offset), updated_at = now()
                """).params(group, topic, partition, next).update();
    }
}
