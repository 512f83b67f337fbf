package dev.silkway.ingestion.marketplace.transport;

import dev.silkway.ingestion.marketplace.common.Marketplace;
import dev.silkway.platform.outbound.AnswerLimits;
import dev.silkway.platform.outbound.OutboundHttp;
import dev.silkway.platform.pacing.RateLimiter;
import dev.silkway.platform.retry.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.util.unit.DataSize;

/** A fast transport for tests: real HTTP, a generous rate limit, and back-offs recorded instead of waited. */
public final class TestTransport {

    public static final Backoff RETRY = new Backoff(4, Duration.ofMillis(100), Duration.ofSeconds(2), 2.0, 0.5);

    public static final TransportSettings SETTINGS = new TransportSettings(
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            AnswerLimits.DEFAULTS.maxSize(),
            1000,
            1000,
            RETRY,
            1000,
            1_000_000);

    private final List<Duration> backoffs = new CopyOnWriteArrayList<>();

    public MarketplaceHttp http(Marketplace marketplace) {
        return http(marketplace, SETTINGS);
    }

    public MarketplaceHttp http(Marketplace marketplace, TransportSettings settings) {
        return new MarketplaceHttp(
                marketplace,
                settings,
                OutboundHttp.create(settings.connectTimeout()),
                RateLimiter.create(1000, 1000),
                MarketplaceHttp.retry(marketplace, settings).recordingWaits(backoffs::add, 0.5));
    }

    /** A transport whose answers may be at most {@code maxAnswerSize} long. */
    public MarketplaceHttp http(Marketplace marketplace, DataSize maxAnswerSize) {
        return http(
                marketplace,
                new TransportSettings(
                        SETTINGS.connectTimeout(),
                        SETTINGS.answerTimeout(),
                        maxAnswerSize,
                        1000,
                        1000,
                        RETRY,
                        1000,
                        1_000_000));
    }

    public List<Duration> backoffs() {
        return backoffs;
    }
}
