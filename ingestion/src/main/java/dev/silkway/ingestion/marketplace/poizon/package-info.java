@NullMarked
package dev.silkway.ingestion.marketplace.poizon;

import org.jspecify.annotations.NullMarked;
