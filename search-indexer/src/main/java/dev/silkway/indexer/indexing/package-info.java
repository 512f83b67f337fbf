/**
 * Product change events from Kafka ({@code silkway.products}, fed by the outbox) into the product
 * index: each batch reloads the current products from PostgreSQL and bulk-writes them with their
 * version as the external version, then commits the offsets.
 */
@NullMarked
package dev.silkway.indexer.indexing;

import org.jspecify.annotations.NullMarked;
