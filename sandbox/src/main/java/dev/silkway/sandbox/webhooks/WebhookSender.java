package dev.silkway.sandbox.webhooks;

import dev.silkway.sandbox.catalogue.Hashing;
import dev.silkway.sandbox.catalogue.SandboxProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Delivers {@link Webhook}s in the background: each attempt is signed afresh and POSTed within the timeout; a
 * non-2xx answer or a broken connection is retried after {@code first-retry × 2^(n-1)} (at most {@code max-retry}),
 * up to {@code max-attempts}. The misbehaviour draws (duplicate, delay, reorder) come from the sandbox seed, so a run
 * is repeatable. Every attempt is kept in {@link WebhookDeliveries}.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final long STREAM = 0x776562686F6F6BL;

    private final WebhookProperties properties;
    private final long seed;
    private final Clock clock;
    private final WebhookDeliveries deliveries;
    private final AtomicReference<WebhookProperties.WebhookRates> rates;
    private final AtomicLong sent = new AtomicLong();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(
            2, Thread.ofPlatform().name("webhook-sender-", 0).daemon().factory());
    private final HttpClient http;

    public WebhookSender(
            WebhookProperties properties, SandboxProperties sandbox, Clock clock, WebhookDeliveries deliveries) {
        this.properties = properties;
        this.seed = sandbox.seed();
        this.clock = clock;
        this.deliveries = deliveries;
        this.rates = new AtomicReference<>(properties.rates());
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** Queues the webhook: it leaves now, or later when a delay or a hold-back is drawn. */
    public void send(Webhook webhook) {
        WebhookProperties.WebhookRates current = rates.get();
        long n = sent.getAndIncrement();
        boolean duplicate = draw(n, 1) < current.duplicate();
        Duration first = Duration.ZERO;
        if (draw(n, 2) < current.reorder()) {
            first = current.holdBy();
        } else if (draw(n, 3) < current.delay()) {
            first = current.delayBy();
        }
        schedule(webhook, 1, duplicate, first);
    }

    WebhookProperties.WebhookRates rates() {
        return rates.get();
    }

    void replace(WebhookProperties.WebhookRates next) {
        rates.set(next);
    }

    private double draw(long n, int which) {
        return Hashing.unit(Hashing.mix(seed, STREAM, n, which));
    }

    private void schedule(Webhook webhook, int attempt, boolean duplicate, Duration after) {
        scheduler.schedule(
                () -> Thread.ofVirtual().start(() -> attempt(webhook, attempt, duplicate)),
                after.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void attempt(Webhook webhook, int attempt, boolean duplicate) {
        int status = post(webhook);
        deliveries.record(webhook, attempt, status, clock.instant());
        if (status >= 200 && status < 300) {
            if (duplicate) {
                schedule(webhook, 1, false, Duration.ZERO);
            }
            return;
        }
        if (attempt >= properties.maxAttempts()) {
            log.info(
                    "{} webhook {} to {} given up after {} attempts",
                    webhook.source(),
                    webhook.eventId(),
                    webhook.url(),
                    attempt);
            return;
        }
        long wait = Math.min(
                properties.maxRetry().toMillis(),
                properties.firstRetry().toMillis() * (1L << Math.min(20, attempt - 1)));
        schedule(webhook, attempt + 1, duplicate, Duration.ofMillis(wait));
    }

    /** The answer's status, or 0 when none came within the timeout. */
    private int post(Webhook webhook) {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook.url())
                .timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Silkway-Sandbox-Webhooks/1.0 (" + webhook.source() + ")")
                .POST(HttpRequest.BodyPublishers.ofString(webhook.body()));
        webhook.signer().headers(webhook.body(), clock.instant()).forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            log.info(
                    "{} webhook {} to {}: no answer ({})",
                    webhook.source(),
                    webhook.eventId(),
                    webhook.url(),
                    e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
