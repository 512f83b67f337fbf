@NullMarked
package dev.silkway.ingestion.marketplace.alibaba1688;

import org.jspecify.annotations.NullMarked;
