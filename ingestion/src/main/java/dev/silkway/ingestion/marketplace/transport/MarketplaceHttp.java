package dev.silkway.ingestion.marketplace.transport;

import dev.silkway.ingestion.marketplace.common.Marketplace;
import dev.silkway.platform.outbound.Answer;
import dev.silkway.platform.outbound.OutboundFailed;
import dev.silkway.platform.outbound.OutboundHttp;
import dev.silkway.platform.outbound.PacedHttp;
import dev.silkway.platform.pacing.RateLimiter;
import dev.silkway.platform.retry.Retry;
import java.net.http.HttpRequest;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One marketplace's HTTP transport, {@link PacedHttp}'s: every attempt waits for the rate limiter and is a bounded
 * call (answer size and time capped, redirects refused), retried by the platform's {@link Retry} on 5xx, 429,
 * timeouts and the retryable errors the platform decoder throws. The request is rebuilt for each attempt so that its
 * timestamp and signature are fresh.
 */
public final class MarketplaceHttp {

    private final PacedHttp paced;

    public MarketplaceHttp(
            Marketplace marketplace, TransportSettings settings, OutboundHttp http, RateLimiter limiter, Retry retry) {
        this.paced = new PacedHttp(http, settings.answerLimits(), limiter, retry, new PacedHttp.Failures() {
            @Override
            public RuntimeException answered(Answer answer) {
                return answer.status() == 429
                        ? MarketplaceRateLimited.httpStatus(marketplace)
                        : MarketplaceUnavailable.serverError(marketplace, answer.status());
            }

            @Override
            public RuntimeException failed(OutboundFailed failure) {
                return failure.retryable()
                        ? MarketplaceUnavailable.io(marketplace, failure)
                        : MarketplaceRequestRejected.refused(marketplace, failure);
            }
        });
    }

    public static MarketplaceHttp create(Marketplace marketplace, TransportSettings settings) {
        return new MarketplaceHttp(
                marketplace,
                settings,
                OutboundHttp.create(settings.connectTimeout()),
                RateLimiter.create(settings.rateLimitPerSecond(), settings.rateLimitBurst()),
                retry(marketplace, settings));
    }

    /** The retry of a marketplace's calls: what {@link MarketplaceException#retryable()} says. */
    public static Retry retry(Marketplace marketplace, TransportSettings settings) {
        return Retry.of(
                marketplace.code(),
                settings.retry(),
                failure -> failure instanceof MarketplaceException e && e.retryable());
    }

    public <T> T exchange(Supplier<HttpRequest.Builder> request, Function<HttpReply, T> decode) {
        return paced.call(request, answer -> decode.apply(new HttpReply(answer.status(), answer.text())));
    }
}
