package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.feed.Parsed;

/** A raw record read back from the raw topic and what its feed's parser made of it. */
record ParsedItem(RawItem raw, Parsed parsed) {}
