package dev.silkway.storefront.payment.http;

import dev.silkway.platform.outbound.Answer;
import dev.silkway.platform.outbound.AnswerLimits;
import dev.silkway.platform.outbound.OutboundFailed;
import dev.silkway.platform.outbound.OutboundHttp;
import dev.silkway.platform.outbound.PacedHttp;
import dev.silkway.platform.pacing.RateLimiter;
import dev.silkway.platform.retry.Backoff;
import dev.silkway.platform.retry.Retry;
import dev.silkway.storefront.payment.PaymentProvider;
import dev.silkway.storefront.payment.PaymentProviderUnavailable;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One payment provider's calls, {@link PacedHttp}'s: each attempt waits for the rate limiter, is one bounded exchange,
 * and is tried again by the platform {@link Retry} when it fails with a {@link PaymentProviderUnavailable}: a 429 or
 * 5xx answer, a missed deadline or a broken connection (an oversized answer or a redirect is final). The decoder reads
 * every other answer and may itself throw {@link PaymentProviderUnavailable} (retried) or
 * {@link dev.silkway.storefront.payment.PaymentProviderRefused} (final).
 */
public final class ProviderHttp {

    private final PaymentProvider provider;
    private final PacedHttp paced;

    public ProviderHttp(
            PaymentProvider provider, OutboundHttp http, AnswerLimits limits, RateLimiter limiter, Retry retry) {
        this.provider = provider;
        this.paced = new PacedHttp(http, limits, limiter, retry, new PacedHttp.Failures() {
            @Override
            public RuntimeException answered(Answer answer) {
                return unavailable(answer.status(), answer.status() == 429 ? "(rate limited)" : "");
            }

            @Override
            public RuntimeException failed(OutboundFailed failure) {
                return PaymentProviderUnavailable.of(provider, failure.getMessage(), failure);
            }
        });
    }

    /** A provider's calls within {@code bounds}, on their own HTTP client and rate limiter. */
    public static ProviderHttp create(PaymentProvider provider, ProviderBounds bounds) {
        return new ProviderHttp(
                provider,
                OutboundHttp.create(bounds.connectTimeout()),
                bounds.answerLimits(),
                RateLimiter.create(bounds.requestsPerSecond(), 1),
                retry(provider, bounds.backoff(), bounds.retryBudget()));
    }

    /** The retry of a provider's calls: {@code backoff}'s attempts, all of them within {@code budget}. */
    public static Retry retry(PaymentProvider provider, Backoff backoff, Duration budget) {
        return Retry.of(provider.name().toLowerCase() + " payments", backoff, ProviderHttp::retryable)
                .within(budget);
    }

    /** {@code <base>/<path>}, whether or not the base ends with a slash. */
    public static URI under(URI base, String pathAndQuery) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + "/" + pathAndQuery);
    }

    /** Sends the request (built afresh per attempt) and decodes its answer, retrying what may succeed later. */
    public <T> T call(Supplier<HttpRequest.Builder> request, Function<Answer, T> decode) {
        try {
            return paced.call(request, decode);
        } catch (CancellationException e) {
            throw PaymentProviderUnavailable.of(provider, "interrupted", e);
        }
    }

    /** Unavailable after an answer: what a decoder throws for an answer worth trying again (Stripe's 409 lock). */
    public PaymentProviderUnavailable unavailable(int status, String what) {
        ProviderAnswered answered = ProviderAnswered.withStatus(status, what);
        return PaymentProviderUnavailable.of(provider, answered.getMessage(), answered);
    }

    private static boolean retryable(Throwable failure) {
        return failure instanceof PaymentProviderUnavailable
                && !(failure.getCause() instanceof OutboundFailed outbound && !outbound.retryable());
    }
}
