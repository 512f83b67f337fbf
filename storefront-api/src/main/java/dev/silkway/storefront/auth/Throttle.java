package dev.silkway.storefront.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window counters and lockouts in {@code throttle_buckets}: one atomic upsert per hit, so the
 * limits hold across any number of instances sharing the database.
 */
@Component
class Throttle {

    private final JdbcClient jdbc;
    private final Clock clock;

    Throttle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts a hit; when it is over {@code limit} within {@code window}, the time until the window ends. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Duration> hit(String key, int limit, Duration window) {
        Instant now = clock.instant();
        var row = jdbc.sql("""
                        INSERT INTO throttle_buckets AS b (bucket_key, window_started_at, hits, updated_at)
                        VALUES (:key, :now, 1, :now)
                        ON CONFLICT (bucket_key) DO UPDATE SET
                            hits = CASE WHEN b.window_started_at <= :windowStart THEN 1 ELSE b.hits + 1 END,
                            window_started_at = CASE WHEN b.window_started_at <= :windowStart THEN :now
                                                     ELSE b.window_started_at END,
                            updated_at = :now
                        RETURNING hits, window_started_at""")
                .param("key", key)
                .param("now", at(now))
                .param("windowStart", at(now.minus(window)))
                .query((rs, n) -> new Window(rs.getInt(1), rs.getTimestamp(2).toInstant()))
                .single();
        if (row.hits() <= limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, row.started().plus(window)));
    }

    /** The remaining lockout of {@code key}, if it is locked. */
    public Optional<Duration> lockedFor(String key) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT blocked_until FROM throttle_buckets WHERE bucket_key = ? AND blocked_until > ?")
                .params(key, at(now))
                .query((rs, n) -> Duration.between(now, rs.getTimestamp(1).toInstant()))
                .optional();
    }

    /** Counts a failure; at {@code limit} failures within {@code window} locks the key for {@code lockout}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failure(String key, int limit, Duration window, Duration lockout) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO throttle_buckets AS b (bucket_key, window_started_at, hits, updated_at)
                        VALUES (:key, :now, 1, :now)
                        ON CONFLICT (bucket_key) DO UPDATE SET
                            hits = CASE WHEN b.window_started_at <= :windowStart THEN 1 ELSE b.hits + 1 END,
                            window_started_at = CASE WHEN b.window_started_at <= :windowStart THEN :now
                                                     ELSE b.window_started_at END,
                            updated_at = :now""")
                .param("key", key)
                .param("now", at(now))
                .param("windowStart", at(now.minus(window)))
                .update();
        jdbc.sql("""
                        UPDATE throttle_buckets SET blocked_until = ?, hits = 0, window_started_at = ?
                        WHERE bucket_key = ? AND hits >= ?""").params(at(now.plus(lockout)), at(now), key, limit).update();
    }

    public void reset(String key) {
        jdbc.sql("DELETE FROM throttle_buckets WHERE bucket_key = ?").param(key).update();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Window(int hits, Instant started) {}
}
