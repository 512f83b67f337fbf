package dev.silkway.sandbox.partner;

import dev.silkway.sandbox.catalogue.Hashing;
import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.catalogue.SandboxProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers the partner's signed callbacks at their (real) time: each delivery signed afresh, retried with doubling
 * back-off until a 2xx or the attempts run out; a share duplicated, a share held back past the next step.
 */
@Component
class CallbackSender {

    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);

    /** How a callback misbehaves, changeable at runtime. */
    record Misbehaviour(double duplicateRate, double reorderRate) {

        Misbehaviour {
            if (duplicateRate < 0 || duplicateRate > 1 || reorderRate < 0 || reorderRate > 1) {
                throw new IllegalArgumentException("rates are probabilities in 0..1");
            }
        }
    }

    private final PartnerProperties properties;
    private final Clock clock;
    private final long seed;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(
            2, Thread.ofPlatform().name("partner-callbacks-", 0).daemon().factory());
    private final AtomicReference<Misbehaviour> misbehaviour;
    private final AtomicLong sent = new AtomicLong();

    CallbackSender(PartnerProperties properties, Clock clock, SandboxProperties sandbox) {
        this.properties = properties;
        this.clock = clock;
        this.seed = sandbox.seed();
        this.misbehaviour = new AtomicReference<>(new Misbehaviour(
                properties.callbacks().duplicateRate(), properties.callbacks().reorderRate()));
    }

    Misbehaviour misbehaviour() {
        return misbehaviour.get();
    }

    void misbehave(Misbehaviour rates) {
        misbehaviour.set(rates);
    }

    /**
     * Sends the event built by {@code event} (called at delivery time) after {@code delay}; held back, it is sent
     * after {@code delay + holdBack} instead.
     */
    void schedule(String callbackUrl, Duration delay, Duration holdBack, Supplier<ObjectNode> event) {
        long n = sent.getAndIncrement();
        Misbehaviour rates = misbehaviour.get();
        boolean held = Hashing.unit(Hashing.mix(seed, n, 0x686f6c64L)) < rates.reorderRate();
        boolean twice = Hashing.unit(Hashing.mix(seed, n, 0x64757065L)) < rates.duplicateRate();
        Duration at = held ? delay.plus(holdBack) : delay;
        timer.schedule(
                () -> {
                    ObjectNode body = event.get();
                    body.put("eventId", "evt_" + UUID.randomUUID().toString().replace("-", ""));
                    body.put("occurredAt", clock.instant().toString());
                    String json = SandboxJson.MAPPER.writeValueAsString(body);
                    deliver(callbackUrl, json, 1);
                    if (twice) {
                        timer.schedule(() -> deliver(callbackUrl, json, 1), 150, TimeUnit.MILLISECONDS);
                    }
                },
                at.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    private void deliver(String callbackUrl, String body, int attempt) {
        Thread.ofVirtual().start(() -> {
            long timestamp = clock.instant().getEpochSecond();
            int status;
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(callbackUrl))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("X-Partner-Key", properties.appKey())
                        .header("X-Partner-Timestamp", Long.toString(timestamp))
                        .header("X-Partner-Signature", PartnerSignature.sign(properties.appSecret(), timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException | IllegalArgumentException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (status >= 200 && status < 300) {
                return;
            }
            if (attempt >= properties.callbacks().attempts()) {
                log.warn(
                        "Partner callback to {} given up after {} attempts (last status {})",
                        host(callbackUrl),
                        attempt,
                        status);
                return;
            }
            long backoff = properties.callbacks().firstBackoff().toMillis() << Math.min(attempt - 1, 10);
            timer.schedule(() -> deliver(callbackUrl, body, attempt + 1), backoff, TimeUnit.MILLISECONDS);
        });
    }

    private static String host(String url) {
        URI uri = URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
