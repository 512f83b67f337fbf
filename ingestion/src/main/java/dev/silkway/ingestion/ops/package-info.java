@NullMarked
package dev.silkway.ingestion.ops;

import org.jspecify.annotations.NullMarked;
