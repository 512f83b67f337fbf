package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.feed.RawRecord;

/**
 * A raw record as read back from the raw topic, with where it was read; {@code chars} is the length of its JSON as the
 * feed gave it (longer than {@code record().json()} when it was too large to publish).
 */
record RawItem(RawRecord record, String topic, int partition, long offset, boolean duplicate, long chars) {}
