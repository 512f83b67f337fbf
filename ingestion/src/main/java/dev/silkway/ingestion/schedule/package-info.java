@NullMarked
package dev.silkway.ingestion.schedule;

import org.jspecify.annotations.NullMarked;
