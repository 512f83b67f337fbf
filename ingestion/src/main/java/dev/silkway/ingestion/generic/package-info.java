@NullMarked
package dev.silkway.ingestion.generic;

import org.jspecify.annotations.NullMarked;
