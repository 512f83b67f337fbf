package dev.silkway.tracking.poll;

import dev.silkway.tracking.shipment.Legs;
import dev.silkway.tracking.shipment.TrackedLeg;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The poller's queue: legs whose next poll is due, claimed in batches with {@code FOR UPDATE SKIP
 * LOCKED} under a lease (next_poll_at moved past it, poll_claim set to the batch's token). Only the
 * claim's holder finishes a leg; a claim whose poller died runs out with its lease and the leg is due
 * again.
 */
final class DueLegs {

    private final JdbcClient jdbc;

    DueLegs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims up to {@code limit} due legs of the API's enabled carriers, the longest due first. */
    List<TrackedLeg> claim(String api, int limit, UUID token, Duration lease) {
        List<Long> ids = jdbc.sql("""
                WITH due AS (
                    SELECT l.id FROM shipment_legs l
                    WHERE l.next_poll_at <= now()
                      AND l.carrier_code IN (SELECT code FROM carriers WHERE tracking_api = :api AND enabled)
                    ORDER BY l.next_poll_at
                    LIMIT :limit
                    FOR UPDATE OF l SKIP LOCKED)
                UPDATE shipment_legs l SET next_poll_at = now() + make_interval(secs => :lease), poll_claim = :token
                FROM due WHERE l.id = due.id
                RETURNING l.id
                """)
                .param("api", api)
                .param("limit", limit)
                .param("lease", (double) lease.toMillis() / 1000)
                .param("token", token)
                .query(Long.class)
                .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(Legs.SELECT + " WHERE l.id IN (:ids) ORDER BY l.id")
                .param("ids", ids)
                .query(Legs::map)
                .list();
    }

    /** Makes every open leg of the API's enabled carriers that is not claimed due now (a run asked for). */
    int dueNow(String api) {
        return jdbc.sql("""
                UPDATE shipment_legs SET next_poll_at = now()
                WHERE next_poll_at > now() AND poll_claim IS NULL
                  AND carrier_code IN (SELECT code FROM carriers WHERE tracking_api = :api AND enabled)
                """).param("api", api).update();
    }

    /** A successful poll: the next one at {@code next} (null: never), failures reset. */
    void polled(long legId, UUID token, @Nullable Instant next) {
        jdbc.sql("""
                UPDATE shipment_legs SET next_poll_at = :next, poll_claim = NULL, poll_failures = 0,
                       last_polled_at = now(), updated_at = now()
                WHERE id = :id AND poll_claim = :token
                """)
                .param("next", next == null ? null : Timestamp.from(next))
                .param("id", legId)
                .param("token", token)
                .update();
    }

    /** A failed poll: one more failure, the next try at {@code next}. */
    void failed(long legId, UUID token, Instant next) {
        jdbc.sql("""
                UPDATE shipment_legs SET next_poll_at = :next, poll_claim = NULL, poll_failures = poll_failures + 1,
                       last_polled_at = now(), updated_at = now()
                WHERE id = :id AND poll_claim = :token
                """)
                .param("next", Timestamp.from(next))
                .param("id", legId)
                .param("token", token)
                .update();
    }

    /** Gives claimed legs back unpolled: due again at once. */
    int release(Collection<UUID> tokens) {
        if (tokens.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE shipment_legs SET next_poll_at = now(), poll_claim = NULL
                WHERE poll_claim IN (:tokens)
                """).param("tokens", List.copyOf(tokens)).update();
    }
}
