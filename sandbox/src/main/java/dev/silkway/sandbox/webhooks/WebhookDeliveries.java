package dev.silkway.sandbox.webhooks;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The latest delivery attempts (at most 1,000), for tests and for a look at what was sent. */
@Component
public class WebhookDeliveries {

    private static final int KEPT = 1_000;

    /** One attempt: status 0 when no answer came. */
    public record Attempt(String source, String eventId, String url, int attempt, int status, Instant at) {}

    private final Deque<Attempt> attempts = new ArrayDeque<>();

    synchronized void record(Webhook webhook, int attempt, int status, Instant at) {
        attempts.addLast(
                new Attempt(webhook.source(), webhook.eventId(), webhook.url().toString(), attempt, status, at));
        while (attempts.size() > KEPT) {
            attempts.removeFirst();
        }
    }

    public synchronized List<Attempt> of(@Nullable String source) {
        return attempts.stream()
                .filter(a -> source == null || a.source().equals(source))
                .toList();
    }

    synchronized void clear() {
        attempts.clear();
    }
}
