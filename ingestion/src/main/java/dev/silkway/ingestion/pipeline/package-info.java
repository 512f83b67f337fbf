@NullMarked
package dev.silkway.ingestion.pipeline;

import org.jspecify.annotations.NullMarked;
