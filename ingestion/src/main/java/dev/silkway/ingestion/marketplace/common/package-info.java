@NullMarked
package dev.silkway.ingestion.marketplace.common;

import org.jspecify.annotations.NullMarked;
