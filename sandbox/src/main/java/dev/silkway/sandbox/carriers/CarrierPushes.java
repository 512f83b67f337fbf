package dev.silkway.sandbox.carriers;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the simulators' callbacks: every {@code pushes.every} each registered round runs on one thread, and each
 * callback is one POST bounded by {@code pushes.timeout}. A callback that fails is not sent again (the receiver polls).
 */
@Component
public class CarrierPushes {

    private static final Logger log = LoggerFactory.getLogger(CarrierPushes.class);

    private final CarrierSandboxProperties.Pushes settings;
    private final HttpClient http;
    private final List<Runnable> rounds = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("carrier-pushes").daemon().factory());

    public CarrierPushes(CarrierSandboxProperties properties) {
        this.settings = properties.pushes();
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        long every = settings.every().toMillis();
        timer.scheduleWithFixedDelay(this::runRounds, every, every, TimeUnit.MILLISECONDS);
    }

    /** A simulator's round: take its due numbers (at most {@link #maxPerRound()}) and {@link #post} them. */
    public void everyRound(Runnable round) {
        rounds.add(round);
    }

    public int maxPerRound() {
        return settings.maxPerRound();
    }

    /** One callback: the body as JSON with the given headers; true when the receiver answered 2xx. */
    public boolean post(URI url, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status / 100 != 2) {
                log.debug("callback to {} answered {}", url.getHost(), status);
            }
            return status / 100 == 2;
        } catch (java.io.IOException e) {
            log.debug("callback to {} failed: {}", url.getHost(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void runRounds() {
        for (Runnable round : rounds) {
            try {
                round.run();
            } catch (RuntimeException e) {
                log.warn("a carrier callback round failed", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
