package dev.silkway.ingestion.marketplace.transport;

import dev.silkway.ingestion.marketplace.common.Marketplace;
import dev.silkway.platform.outbound.Answer;
import dev.silkway.platform.outbound.OutboundFailed;
import dev.silkway.platform.outbound.OutboundHttp;
import dev.silkway.platform.pacing.RateLimiter;
import dev.silkway.platform.retry.Retry;
import java.net.http.HttpRequest;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One marketplace's HTTP transport: every attempt waits for the rate limiter and is a bounded {@link OutboundHttp}
 * call (answer size and time capped, redirects refused), retried by the platform's {@link Retry} on 5xx, 429,
 * timeouts and the retryable errors the platform decoder throws. The request is rebuilt for each attempt so that its
 * timestamp and signature are fresh.
 */
public final class MarketplaceHttp {

    private final Marketplace marketplace;
    private final TransportSettings settings;
    private final OutboundHttp http;
    private final RateLimiter limiter;
    private final Retry retry;

    public MarketplaceHttp(
            Marketplace marketplace, TransportSettings settings, OutboundHttp http, RateLimiter limiter, Retry retry) {
        this.marketplace = marketplace;
        this.settings = settings;
        this.http = http;
        this.limiter = limiter;
        this.retry = retry;
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
        return retry.call(() -> {
            limiter.acquire();
            HttpReply reply = send(request.get());
            if (reply.status() >= 500) {
                throw MarketplaceUnavailable.serverError(marketplace, reply.status());
            }
            if (reply.status() == 429) {
                throw MarketplaceRateLimited.httpStatus(marketplace);
            }
            return decode.apply(reply);
        });
    }

    private HttpReply send(HttpRequest.Builder request) {
        try {
            Answer answer = http.send(request, settings.answerLimits());
            return new HttpReply(answer.status(), answer.text());
        } catch (OutboundFailed e) {
            throw e.retryable()
                    ? MarketplaceUnavailable.io(marketplace, e)
                    : MarketplaceRequestRejected.refused(marketplace, e);
        }
    }
}
