package dev.silkway.ingestion.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.config.FeedBounds;
import dev.silkway.ingestion.config.IngestionProperties;
import dev.silkway.ingestion.feed.FeedPage;
import dev.silkway.ingestion.feed.FeedSource;
import dev.silkway.ingestion.feed.RawRecord;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import dev.silkway.ingestion.marketplace.offer.RejectionReason;
import dev.silkway.testsupport.Services;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatContext;
import org.springframework.batch.infrastructure.repeat.context.RepeatContextSupport;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** The normalize step's reader on the real Kafka broker: its checkpoint against what its read-ahead has read. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NormalizeReaderIT {

    private static final RecordBounds BOUNDS = RecordBounds.of(FeedBounds.defaults());

    private static final String FEED = "reader-it";
    private static final long RUN = 41;
    private static final int PARTITIONS = 3;
    private static final int PER_PARTITION = 1_000;

    private final String topicName = "silkway.raw-offers.reader-it." + System.nanoTime();
    private final RawTopic topic = new RawTopic(kafka(), properties());
    private final AtomicInteger parsed = new AtomicInteger();
    private String end = "";

    @Test
    void aRestartResumesAfterTheLastRecordHandedToTheStepNotWhereTheReadAheadWas() throws Exception {
        Set<String> expected = publish();
        ExecutionContext context = new ExecutionContext();
        List<String> first = new ArrayList<>();
        NormalizeReader reader = reader();
        reader.open(context);
        for (int i = 0; i < 250; i++) {
            first.add(reader.read().raw().record().externalId());
        }
        reader.update(context); // what Spring Batch saves with the chunk's transaction
        await().atMost(Duration.ofSeconds(10)).until(() -> parsed.get() >= 250 + 100);
        reader.close(); // the crash: whatever was read ahead is lost

        NormalizeReader restarted = reader();
        restarted.open(context);
        List<String> rest = new ArrayList<>();
        for (ParsedItem item = restarted.read(); item != null; item = restarted.read()) {
            rest.add(item.raw().record().externalId());
        }
        restarted.close();

        assertThat(first).doesNotHaveDuplicates().doesNotContainAnyElementsOf(rest);
        assertThat(rest).doesNotHaveDuplicates();
        Set<String> all = new HashSet<>(first);
        all.addAll(rest);
        assertThat(all).isEqualTo(expected);
    }

    @Test
    void handsEveryRecordOfTheRunToTheStepWithWhatItsFeedMadeOfIt() throws Exception {
        Set<String> expected = publish();
        NormalizeReader reader = reader();
        reader.open(new ExecutionContext());
        Set<String> read = new HashSet<>();
        for (ParsedItem item = reader.read(); item != null; item = reader.read()) {
            assertThat(item.parsed())
                    .isEqualTo(new ParseOutcome.Rejected<>(
                            RejectionReason.INVALID_VALUE,
                            "$",
                            "parsed " + item.raw().record().externalId()));
            assertThat(read.add(item.raw().record().externalId())).isTrue();
        }
        assertThat(reader.read()).isNull();
        reader.close();
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void aChunkOfLargeRecordsEndsAtItsCharacterLimitBeforeItsRecordLimit() throws Exception {
        publish(); // each record's raw JSON is "{}": 2 characters
        NormalizeReader reader = new NormalizeReader(
                new RawRecordReader(topic, FEED, RUN, "0:0,1:0,2:0", end), new CountingFeed(), RUN, 100, 20, BOUNDS);
        ChunkLimit limit = new ChunkLimit(100, 20, reader);
        reader.open(new ExecutionContext());
        List<Integer> chunks = new ArrayList<>();
        for (int chunk = 0; chunk < 3; chunk++) {
            RepeatContext context = limit.start(new RepeatContextSupport(null));
            int records = 0;
            do {
                reader.read();
                records++;
                limit.update(context);
            } while (!limit.isComplete(context));
            chunks.add(records);
        }
        reader.close();
        assertThat(chunks).containsExactly(10, 10, 10);
    }

    /**
     * Records of this run on every partition, every seventh of another run in between; returns this run's ids. Every
     * send is awaited: a record lost here would leave the reader waiting for the run's end offsets.
     */
    private Set<String> publish() throws Exception {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(topicName, PARTITIONS, (short) 1)))
                    .all()
                    .get();
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> admin
                                    .describeTopics(List.of(topicName))
                                    .allTopicNames()
                                    .get()
                                    .get(topicName)
                                    .partitions()
                                    .stream()
                                    .allMatch(p -> p.leader() != null));
        }
        Set<String> ours = new HashSet<>();
        List<ProducerRecord<String, String>> pending = new ArrayList<>();
        for (int i = 0; i < PARTITIONS * PER_PARTITION; i++) {
            String id = Integer.toString(i);
            long run = i % 7 == 0 ? RUN + 1 : RUN;
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(topicName, i % PARTITIONS, FEED + ":" + id, "{}");
            record.headers().add(RawTopic.RUN_ID, Long.toString(run).getBytes(StandardCharsets.UTF_8));
            pending.add(record);
            if (run == RUN) {
                ours.add(id);
            }
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.ACKS_CONFIG,
                "all"))) {
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                Map<ProducerRecord<String, String>, Future<RecordMetadata>> sent = new LinkedHashMap<>();
                pending.forEach(r -> sent.put(r, producer.send(r)));
                pending = new ArrayList<>();
                for (var e : sent.entrySet()) {
                    try {
                        e.getValue().get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException | TimeoutException failed) {
                        if (attempt == 3) {
                            throw new IllegalStateException(
                                    "could not publish " + e.getKey().key(), failed);
                        }
                        pending.add(e.getKey());
                    }
                }
            }
        }
        end = topic.endOffsets(); // what the fetch step records as the run's end
        return ours;
    }

    private NormalizeReader reader() {
        return new NormalizeReader(
                new RawRecordReader(topic, FEED, RUN, "0:0,1:0,2:0", end),
                new CountingFeed(),
                RUN,
                100,
                4_000_000,
                BOUNDS);
    }

    /** A feed whose parser rejects every record, naming it, and counts what it parsed. */
    private final class CountingFeed implements FeedSource {
        @Override
        public String code() {
            return FEED;
        }

        @Override
        public FeedPage fetch(@Nullable String cursor) {
            throw new UnsupportedOperationException("the test publishes the raw records itself");
        }

        @Override
        public ParseOutcome<CatalogueOffer> parse(RawRecord raw) {
            parsed.incrementAndGet();
            return new ParseOutcome.Rejected<>(RejectionReason.INVALID_VALUE, "$", "parsed " + raw.externalId());
        }
    }

    private static String bootstrap() {
        return Services.kafka().bootstrapServers();
    }

    private static KafkaProperties kafka() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(bootstrap()));
        return kafka;
    }

    private IngestionProperties properties() {
        return new IngestionProperties(
                topicName,
                PARTITIONS,
                (short) 1,
                100,
                4_000_000,
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                false,
                20_000,
                URI.create("http://127.0.0.1:9/cbr"),
                null,
                FeedBounds.defaults(),
                Duration.ofSeconds(45));
    }
}
