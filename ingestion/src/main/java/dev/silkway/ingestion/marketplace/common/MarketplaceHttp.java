package dev.silkway.ingestion.marketplace.common;

import dev.silkway.platform.pacing.RateLimiter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One marketplace's HTTP transport: every attempt waits for the rate limiter, has the read timeout, and is retried
 * by the {@link Retrier} on 5xx, 429, timeouts and the retryable errors the platform decoder throws. The request is
 * rebuilt for each attempt so that its timestamp and signature are fresh.
 */
public final class MarketplaceHttp {

    private final Marketplace marketplace;
    private final TransportSettings settings;
    private final HttpClient client;
    private final RateLimiter limiter;
    private final Retrier retrier;

    public MarketplaceHttp(
            Marketplace marketplace,
            TransportSettings settings,
            HttpClient client,
            RateLimiter limiter,
            Retrier retrier) {
        this.marketplace = marketplace;
        this.settings = settings;
        this.client = client;
        this.limiter = limiter;
        this.retrier = retrier;
    }

    public static MarketplaceHttp create(Marketplace marketplace, TransportSettings settings) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new MarketplaceHttp(
                marketplace,
                settings,
                client,
                RateLimiter.create(settings.rateLimitPerSecond(), settings.rateLimitBurst()),
                Retrier.create(settings.retry()));
    }

    public <T> T exchange(Supplier<HttpRequest.Builder> request, Function<HttpReply, T> decode) {
        return retrier.call(() -> {
            limiter.acquire();
            HttpReply reply = send(request.get().timeout(settings.readTimeout()).build());
            if (reply.status() >= 500) {
                throw MarketplaceUnavailable.serverError(marketplace, reply.status());
            }
            if (reply.status() == 429) {
                throw MarketplaceRateLimited.httpStatus(marketplace);
            }
            return decode.apply(reply);
        });
    }

    private HttpReply send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpReply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw MarketplaceUnavailable.io(marketplace, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while calling " + marketplace.code());
        }
    }
}
