package dev.silkway.storefront.reference;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values loaded from the database and kept for a while, per key. A value not found is not kept (the next
 * read looks again: a rate published a minute later is seen at once). Two threads that miss together may
 * both load; either answer is current.
 */
public final class Expiring<K, V> {

    private record Entry<V>(V value, long until) {}

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    Expiring(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The kept value of {@code key}, else what {@code load} finds now (kept when found). */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.until() < 0) {
            return Optional.of(entry.value());
        }
        return reload(key, load);
    }

    /** What {@code load} finds now (kept when found, else the kept value forgotten). */
    public Optional<V> reload(K key, Function<K, Optional<V>> load) {
        long now = System.nanoTime();
        Optional<V> loaded = load.apply(key);
        loaded.ifPresentOrElse(
                value -> entries.put(key, new Entry<>(value, now + ttlNanos)), () -> entries.remove(key));
        return loaded;
    }

    /**
     * Forgets every value: after the current transaction commits when there is one (so that no read in
     * between keeps the old value), else now.
     */
    public void clear() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    entries.clear();
                }
            });
        } else {
            entries.clear();
        }
    }
}
