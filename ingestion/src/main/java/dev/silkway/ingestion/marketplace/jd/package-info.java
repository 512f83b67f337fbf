@NullMarked
package dev.silkway.ingestion.marketplace.jd;

import org.jspecify.annotations.NullMarked;
