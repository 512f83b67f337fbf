@NullMarked
package dev.silkway.ingestion.marketplace.taobao;

import org.jspecify.annotations.NullMarked;
