package dev.silkway.storefront.payment.http;

import dev.silkway.platform.outbound.AnswerLimits;
import dev.silkway.platform.retry.Backoff;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The bounds of one provider's calls, bound as its {@code bounds} block ({@code silkway.payments.stripe.bounds.*}):
 * connections opened within {@code connect-timeout}; an answer of at most {@code max-answer-size} read within
 * {@code deadline}; at most {@code requests-per-second}; {@code retry-attempts} tries (the first included) waiting
 * {@code retry-first-wait} and doubling, all within {@code retry-budget}; a listing of at most {@code max-pages} pages
 * of {@code page-size}.
 */
public record ProviderBounds(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration deadline,
        @DefaultValue("1MB") DataSize maxAnswerSize,
        @DefaultValue("10") double requestsPerSecond,
        @DefaultValue("100") int pageSize,
        @DefaultValue("100") int maxPages,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("300ms") Duration retryFirstWait,
        @DefaultValue("20s") Duration retryBudget) {

    public ProviderBounds {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || retryBudget.isNegative()) {
            throw new IllegalArgumentException("payment bounds: connect-timeout positive, retry-budget not negative");
        }
        if (!(requestsPerSecond > 0) || pageSize < 1 || maxPages < 1 || retryAttempts < 1) {
            throw new IllegalArgumentException(
                    "payment bounds: requests-per-second, page-size, max-pages and retry-attempts must be positive");
        }
    }

    public static ProviderBounds defaults() {
        return new ProviderBounds(
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                DataSize.ofMegabytes(1),
                10,
                100,
                100,
                3,
                Duration.ofMillis(300),
                Duration.ofSeconds(20));
    }

    AnswerLimits answerLimits() {
        return new AnswerLimits(maxAnswerSize, deadline);
    }

    Backoff backoff() {
        return new Backoff(retryAttempts, retryFirstWait, retryFirstWait.multipliedBy(8), 2.0, 0.5);
    }
}
