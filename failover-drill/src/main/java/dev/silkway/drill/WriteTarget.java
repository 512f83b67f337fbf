package dev.silkway.drill;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Where the load generator writes, and how the drill checks afterwards which acknowledged writes
 * the new primary holds.
 */
interface WriteTarget {

    /** Writes one record for {@code requestId}; returns its key once the write is acknowledged, or throws. */
    String write(UUID requestId) throws Exception;

    /** The keys among {@code keys} that the current primary holds. */
    Set<String> present(Collection<String> keys);
}
