package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.feed.RawRecord;

/** A raw record as read back from the raw topic, with where it was read. */
record RawItem(RawRecord record, String topic, int partition, long offset, boolean duplicate) {}
