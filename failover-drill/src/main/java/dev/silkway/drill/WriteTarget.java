package dev.silkway.drill;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Where the load generator writes, and how the drill checks afterwards which acknowledged writes
 * the new primary holds.
 */
interface WriteTarget extends AutoCloseable {

    /** Server port reported when the target cannot tell which PostgreSQL node took the write. */
    int UNKNOWN_NODE = -1;

    /**
     * Writes one record for {@code requestId}; returns once the write is acknowledged, or throws.
     * The write is idempotent: retried under the same id it is stored once.
     */
    Written write(UUID requestId) throws Exception;

    /** The keys among {@code keys} that the current primary holds. */
    Set<String> present(Collection<String> keys);

    @Override
    default void close() {}

    /** An acknowledged write: the key to look for afterwards and the PostgreSQL port that took it. */
    record Written(String key, int serverPort) {}
}
