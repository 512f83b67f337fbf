/**
 * Full reindex: a new {@code products_v<N+1>} built from PostgreSQL by keyset pagination, while the
 * event listener writes every change into it as well, then one atomic {@code _aliases} call moves the
 * alias. Searches keep reading the old index until the swap. Progress is a row of
 * {@code search_reindex_runs}, readable from any instance.
 */
@NullMarked
package dev.silkway.indexer.reindex;

import org.jspecify.annotations.NullMarked;
