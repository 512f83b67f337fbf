package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.feed.RawRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * Reads one run's raw records back from the raw topic: every partition from where the run's fetch began (or from
 * the positions of a checkpoint) to where it ended, keeping only the records whose run header is this run (other
 * feeds publish to the same topic meanwhile). It runs on {@link NormalizeReader}'s read-ahead thread, ahead of what
 * the step has written; the checkpoint is kept by {@link NormalizeReader}.
 */
class RawRecordReader {

    private final RawTopic topic;
    private final String feed;
    private final String runId;
    private final Map<Integer, Long> end;
    private final Map<Integer, Long> position = new TreeMap<>();
    private final Deque<ConsumerRecord<String, String>> buffer = new ArrayDeque<>();
    private @Nullable KafkaConsumer<String, String> consumer;

    RawRecordReader(RawTopic topic, String feed, long runId, String rawStart, String rawEnd) {
        this.topic = topic;
        this.feed = feed;
        this.runId = Long.toString(runId);
        this.end = RawTopic.parse(rawEnd);
        RawTopic.parse(rawStart).forEach(position::put);
        end.keySet().forEach(p -> position.putIfAbsent(p, 0L));
    }

    /**
     * Starts reading at {@code checkpoint} (partition → next offset; empty: where the fetch began). Returns the
     * position it starts from for every partition of the run.
     */
    Map<Integer, Long> open(Map<Integer, Long> checkpoint) {
        position.putAll(checkpoint);
        consumer = topic.consumer();
        List<TopicPartition> partitions = end.keySet().stream()
                .map(p -> new TopicPartition(topic.name(), p))
                .toList();
        consumer.assign(partitions);
        partitions.forEach(tp -> consumer.seek(tp, position.get(tp.partition())));
        return Map.copyOf(position);
    }

    @Nullable
    RawItem read() {
        while (true) {
            ConsumerRecord<String, String> next = buffer.poll();
            if (next == null) {
                if (finished()) {
                    return null;
                }
                poll();
                continue;
            }
            long endOffset = end.getOrDefault(next.partition(), 0L);
            if (next.offset() < position.get(next.partition()) || next.offset() >= endOffset) {
                continue; // before our position (a re-poll) or past the run's end
            }
            position.put(next.partition(), next.offset() + 1);
            if (runId.equals(header(next, RawTopic.RUN_ID))) {
                return toItem(next);
            }
        }
    }

    private boolean finished() {
        return end.entrySet().stream().allMatch(e -> position.get(e.getKey()) >= e.getValue());
    }

    private void poll() {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
            buffer.add(r);
        }
        if (buffer.isEmpty()) {
            // Offsets may skip (transaction markers, compaction): a partition whose consumer position passed the
            // run's end is done.
            end.forEach((p, e) -> {
                long pos = consumer.position(new TopicPartition(topic.name(), p));
                if (pos >= e && position.get(p) < e) {
                    position.put(p, e);
                }
            });
        }
    }

    private RawItem toItem(ConsumerRecord<String, String> r) {
        String key = r.key() == null ? feed + ":" : r.key();
        String externalId = key.startsWith(feed + ":") ? key.substring(feed.length() + 1) : key;
        int page = parseInt(header(r, RawTopic.PAGE));
        int positionInPage = parseInt(header(r, RawTopic.POSITION));
        RawRecord record = new RawRecord(feed, externalId, r.value() == null ? "" : r.value(), page, positionInPage);
        String oversized = header(r, RawTopic.OVERSIZED);
        return new RawItem(
                record,
                r.topic(),
                r.partition(),
                r.offset(),
                "true".equals(header(r, RawTopic.DUPLICATE)),
                oversized != null ? Long.parseLong(oversized) : record.json().length());
    }

    private static int parseInt(@Nullable String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    void close() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
        buffer.clear();
    }
}
