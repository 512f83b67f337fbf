@NullMarked
package dev.silkway.ingestion.config;

import org.jspecify.annotations.NullMarked;
