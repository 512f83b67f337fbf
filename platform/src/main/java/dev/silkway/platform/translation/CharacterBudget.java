package dev.silkway.platform.translation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily character budget of a provider, in {@code translation_usage}: one conditional upsert takes a request's
 * characters if they still fit into the UTC day's budget, so the budget holds across instances. Metrics:
 * {@code silkway.translation.characters} (sent), {@code silkway.translation.budget.remaining} and
 * {@code silkway.translation.budget.exhausted} (requests refused), all tagged with the provider. The day the budget
 * is reached is logged once, as a warning that tells the operator what happens and what to change.
 */
class CharacterBudget {

    private static final Logger log = LoggerFactory.getLogger(CharacterBudget.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final String provider;
    private final long dailyBudget;
    private final Clock clock;
    private final Counter sent;
    private final Counter refused;
    private final AtomicLong remaining;
    private final AtomicReference<LocalDate> reportedDay = new AtomicReference<>(LocalDate.MIN);

    CharacterBudget(
            JdbcClient jdbc,
            TransactionTemplate own,
            String provider,
            long dailyBudget,
            Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.own = own;
        this.provider = provider;
        this.dailyBudget = dailyBudget;
        this.clock = clock;
        this.remaining = new AtomicLong(dailyBudget);
        this.sent = Counter.builder("silkway.translation.characters")
                .description("Characters sent to the translation provider")
                .tag("provider", provider)
                .register(meters);
        this.refused = Counter.builder("silkway.translation.budget.exhausted")
                .description("Translation requests not sent because the daily character budget was reached")
                .tag("provider", provider)
                .register(meters);
        Gauge.builder("silkway.translation.budget.remaining", remaining, AtomicLong::get)
                .description("Characters left in today's (UTC) translation budget")
                .tag("provider", provider)
                .register(meters);
    }

    /** Takes {@code characters} from today's budget; false (and nothing taken) if they do not fit. */
    boolean take(long characters) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Long used = characters > dailyBudget
                ? null
                : own.execute(status -> jdbc.sql("""
                                INSERT INTO translation_usage AS u (provider, usage_day, characters, requests)
                                VALUES (:provider, :day, :characters, 1)
                                ON CONFLICT (provider, usage_day) DO UPDATE
                                SET characters = u.characters + EXCLUDED.characters, requests = u.requests + 1
                                WHERE u.characters + EXCLUDED.characters <= :budget
                                RETURNING characters
                                """)
                        .param("provider", provider)
                        .param("day", today)
                        .param("characters", characters)
                        .param("budget", dailyBudget)
                        .query(Long.class)
                        .optional()
                        .orElse(null));
        if (used == null) {
            refused.increment();
            remaining.set(0);
            if (!reportedDay.getAndSet(today).equals(today)) {
                log.warn(message());
            }
            return false;
        }
        sent.increment(characters);
        remaining.set(Math.max(0, dailyBudget - used));
        return true;
    }

    /** What the operator reads when the budget is reached (log, job status). */
    String message() {
        return "Daily translation budget reached: provider " + provider + " has used its " + dailyBudget
                + " characters for today (UTC). Texts not yet translated keep their original title and stay"
                + " searchable by it; they are translated after 00:00 UTC, or sooner if"
                + " silkway.translation.daily-character-budget is raised.";
    }
}
