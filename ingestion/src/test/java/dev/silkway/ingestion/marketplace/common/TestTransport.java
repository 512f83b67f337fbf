package dev.silkway.ingestion.marketplace.common;

import dev.silkway.platform.pacing.RateLimiter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fast transport for tests: real HTTP, a generous rate limit, and back-offs recorded instead of slept. */
public final class TestTransport {

    public static final RetryPolicy RETRY = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), 2.0, 0.5);

    private final List<Duration> backoffs = new CopyOnWriteArrayList<>();

    public MarketplaceHttp http(Marketplace marketplace) {
        TransportSettings settings =
                new TransportSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 1000, 1000, RETRY);
        return new MarketplaceHttp(
                marketplace,
                settings,
                HttpClient.newBuilder()
                        .connectTimeout(settings.connectTimeout())
                        .build(),
                RateLimiter.create(1000, 1000),
                new Retrier(RETRY, backoffs::add, () -> 0.5));
    }

    public List<Duration> backoffs() {
        return backoffs;
    }
}
