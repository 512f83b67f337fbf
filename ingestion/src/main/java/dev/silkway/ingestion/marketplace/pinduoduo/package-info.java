@NullMarked
package dev.silkway.ingestion.marketplace.pinduoduo;

import org.jspecify.annotations.NullMarked;
