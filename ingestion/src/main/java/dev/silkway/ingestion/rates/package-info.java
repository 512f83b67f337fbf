@NullMarked
package dev.silkway.ingestion.rates;

import org.jspecify.annotations.NullMarked;
