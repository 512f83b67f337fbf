@NullMarked
package dev.silkway.ingestion.catalogue;

import org.jspecify.annotations.NullMarked;
