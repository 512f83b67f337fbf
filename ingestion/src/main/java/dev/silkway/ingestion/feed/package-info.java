@NullMarked
package dev.silkway.ingestion.feed;

import org.jspecify.annotations.NullMarked;
