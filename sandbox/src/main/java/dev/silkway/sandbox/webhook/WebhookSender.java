package dev.silkway.sandbox.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends the simulated providers' webhooks: POSTs the body to the receiver's URL, asynchronously, with the
 * headers the provider computes for each try (a signature with a fresh timestamp, say), retried with a
 * doubling wait while the receiver answers anything but 2xx or cannot be reached, and misbehaving per the
 * {@link WebhookPolicy}. Reordering holds a delivery back until the provider's next one has been sent.
 */
@Component
public class WebhookSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One webhook: where to, the provider's headers for each try, the exact body. */
    public record Delivery(String provider, URI url, Supplier<Map<String, String>> headers, byte[] body) {}

    /** What was sent so far and how it was answered (read by tests through each provider's controls). */
    public record Counts(long sent, long accepted, long failed) {}

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(
            2, Thread.ofVirtual().name("webhook-", 0).factory());
    private final Random random = new Random(20260101L);
    private final Map<String, Delivery> heldBack = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** Sends the delivery per the policy: now, later, twice, or after the provider's next one. */
    public void send(Delivery delivery, WebhookPolicy policy) {
        Delivery previous = heldBack.remove(delivery.provider());
        if (draw() < policy.reorderRate() && previous == null) {
            heldBack.put(delivery.provider(), delivery);
            // sent anyway after the delay if nothing overtakes it
            scheduler.schedule(() -> release(delivery, policy), policy.delay().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        Duration wait = draw() < policy.delayRate() ? policy.delay() : Duration.ZERO;
        schedule(delivery, policy, 1, wait);
        if (draw() < policy.duplicateRate()) {
            schedule(delivery, policy, 1, wait.plusMillis(50));
        }
        if (previous != null) {
            schedule(previous, policy, 1, wait.plusMillis(100));
        }
    }

    public Counts counts() {
        return new Counts(sent.get(), accepted.get(), failed.get());
    }

    private void release(Delivery delivery, WebhookPolicy policy) {
        if (heldBack.remove(delivery.provider(), delivery)) {
            attempt(delivery, policy, 1);
        }
    }

    private synchronized double draw() {
        return random.nextDouble();
    }

    private void schedule(Delivery delivery, WebhookPolicy policy, int attempt, Duration wait) {
        scheduler.schedule(() -> attempt(delivery, policy, attempt), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt(Delivery delivery, WebhookPolicy policy, int attempt) {
        sent.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(delivery.url())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().get().forEach(request::header);
        int status;
        try {
            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (status >= 200 && status < 300) {
            accepted.incrementAndGet();
            return;
        }
        failed.incrementAndGet();
        if (attempt >= policy.maxAttempts()) {
            log.warn(
                    "{} webhook to {} given up after {} tries (last: {})",
                    delivery.provider(),
                    delivery.url(),
                    attempt,
                    status);
            return;
        }
        Duration wait = policy.firstRetry().multipliedBy(1L << Math.min(10, attempt - 1));
        schedule(delivery, policy, attempt + 1, wait);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
