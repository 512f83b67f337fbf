@NullMarked
package dev.silkway.ingestion.marketplace.transport;

import org.jspecify.annotations.NullMarked;
