package dev.silkway.ingestion.pipeline;

import org.springframework.batch.infrastructure.repeat.RepeatContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.repeat.policy.SimpleCompletionPolicy;

/**
 * Ends a {@code normalize} chunk at {@code silkway.ingestion.chunk-size} records or as soon as its records' raw JSON
 * reaches {@code silkway.ingestion.chunk-max-chars} characters, whichever comes first: a chunk of small offers merges
 * many at once (one hash check and one merge per chunk), while a feed of large records (long descriptions, many SKUs)
 * keeps a chunk, and the chunk read ahead, within a bounded share of the heap. One per step execution.
 */
class ChunkLimit extends SimpleCompletionPolicy {

    private final NormalizeReader reader;
    private final long maxChars;
    private long charsAtStart;

    ChunkLimit(int chunkSize, long maxChars, NormalizeReader reader) {
        super(chunkSize);
        this.reader = reader;
        this.maxChars = maxChars;
    }

    @Override
    public RepeatContext start(RepeatContext parent) {
        charsAtStart = reader.charsHanded();
        return super.start(parent);
    }

    @Override
    public boolean isComplete(RepeatContext context, RepeatStatus result) {
        return super.isComplete(context, result) || full();
    }

    @Override
    public boolean isComplete(RepeatContext context) {
        return super.isComplete(context) || full();
    }

    private boolean full() {
        return reader.charsHanded() - charsAtStart >= maxChars;
    }
}
