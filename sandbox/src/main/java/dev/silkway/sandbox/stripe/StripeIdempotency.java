package dev.silkway.sandbox.stripe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} as Stripe keeps it: per key, the request's endpoint and parameters and the answer it got,
 * for 24 hours. The same key with the same request replays the answer ({@code Idempotent-Replayed: true}); with
 * another request it is an {@code idempotency_error}. Only executed requests (2xx) are kept, as Stripe does not save
 * a request refused before it ran.
 */
@Component
class StripeIdempotency {

    private static final Duration KEPT = Duration.ofHours(24);

    private record Saved(String request, ResponseEntity<String> answer, Instant at) {}

    private final Clock clock;
    private final Map<String, Saved> saved = new LinkedHashMap<>();

    StripeIdempotency(Clock clock) {
        this.clock = clock;
    }

    synchronized ResponseEntity<String> run(
            @Nullable String key, String request, Supplier<ResponseEntity<String>> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        Instant now = clock.instant();
        saved.values().removeIf(s -> s.at().plus(KEPT).isBefore(now));
        Saved before = saved.get(key);
        if (before != null) {
            if (!before.request().equals(request)) {
                return StripeErrors.idempotencyMismatch(key);
            }
            return ResponseEntity.status(before.answer().getStatusCode())
                    .headers(before.answer().getHeaders())
                    .header("Idempotent-Replayed", "true")
                    .body(before.answer().getBody());
        }
        ResponseEntity<String> answer = action.get();
        if (answer.getStatusCode().is2xxSuccessful()) {
            saved.put(key, new Saved(request, answer, now));
        }
        return answer;
    }
}
