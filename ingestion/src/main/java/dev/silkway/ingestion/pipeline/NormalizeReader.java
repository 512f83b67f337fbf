package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.feed.FeedSource;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import dev.silkway.ingestion.marketplace.offer.RejectionReason;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The {@code normalize} step's reader: the run's raw records ({@link RawRecordReader}) parsed by the feed's parser,
 * both on a {@link ReadAhead} thread that works up to a chunk ahead (at most a chunk's records and a chunk's
 * characters of raw JSON), so the next chunk is read and parsed while the step's thread waits for the current chunk's
 * merge. A record past its {@link RecordBounds} is rejected before the feed maps it. It counts the characters of raw JSON it hands over, by which {@link ChunkLimit} ends a chunk of large records
 * early.
 *
 * <p>The checkpoint is the position after the last record handed to the step, per partition — not where the
 * read-ahead is. Spring Batch saves it by {@link #update} inside each chunk's transaction, so a crash re-reads
 * exactly the records whose chunk did not commit, and what was read ahead is read again.
 */
class NormalizeReader implements ItemStreamReader<ParsedItem> {

    static final String POSITIONS = "normalize.positions";

    private final RawRecordReader raw;
    private final FeedSource feed;
    private final String threadName;
    private final int chunkSize;
    private final int chunkMaxChars;
    private final RecordBounds bounds;
    private final Map<Integer, Long> checkpoint = new TreeMap<>();
    private @Nullable ReadAhead<ParsedItem> parsed;
    private long charsHanded;

    NormalizeReader(
            RawRecordReader raw, FeedSource feed, long runId, int chunkSize, int chunkMaxChars, RecordBounds bounds) {
        this.raw = raw;
        this.feed = feed;
        this.threadName = "normalize-" + feed.code() + "-" + runId;
        this.chunkSize = chunkSize;
        this.chunkMaxChars = chunkMaxChars;
        this.bounds = bounds;
    }

    @Override
    public void open(ExecutionContext context) {
        Map<Integer, Long> saved =
                context.containsKey(POSITIONS) ? RawTopic.parse(context.getString(POSITIONS)) : Map.of();
        checkpoint.putAll(raw.open(saved));
        parsed = new ReadAhead<>(threadName, chunkSize, chunkMaxChars, NormalizeReader::chars, () -> {
            RawItem next = raw.read();
            return next == null ? null : new ParsedItem(next, parse(next));
        });
    }

    private static int chars(ParsedItem item) {
        return item.raw().record().json().length();
    }

    /** The characters of raw JSON handed to the step so far. */
    long charsHanded() {
        return charsHanded;
    }

    private ParseOutcome<CatalogueOffer> parse(RawItem raw) {
        if (raw.duplicate()) {
            return new ParseOutcome.Rejected<>(
                    RejectionReason.DUPLICATE_ID,
                    "$",
                    "id " + raw.record().externalId() + " appears more than once on page "
                            + raw.record().page());
        }
        ParseOutcome.Rejected<CatalogueOffer> refused =
                bounds.refuse(raw.record().json(), raw.chars());
        return refused != null ? refused : feed.parse(raw.record());
    }

    @Override
    public @Nullable ParsedItem read() throws InterruptedException {
        ParsedItem item = parsed.next();
        if (item != null) {
            checkpoint.put(item.raw().partition(), item.raw().offset() + 1);
            charsHanded += chars(item);
        }
        return item;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(POSITIONS, RawTopic.formatPositions(checkpoint));
    }

    @Override
    public void close() {
        if (parsed != null) {
            parsed.close();
            parsed = null;
        }
        raw.close();
    }
}
