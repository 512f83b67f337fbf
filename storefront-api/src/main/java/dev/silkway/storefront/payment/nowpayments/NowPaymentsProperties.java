package dev.silkway.storefront.payment.nowpayments;

import dev.silkway.platform.outbound.AnswerLimits;
import dev.silkway.platform.retry.Backoff;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code silkway.payments.nowpayments.*}: where the API is ({@code https://api.nowpayments.io} in production, the
 * sandbox's {@code /nowpayments} locally), the API key, the account's email and password (the payment list needs
 * the JWT of {@code POST /v1/auth}, which lives 5 minutes: it is reused for {@code token-reuse}), the IPN secret,
 * the URL NOWPayments posts IPNs to (our webhook endpoint), and the bounds of every call: an answer of at most
 * {@code max-answer-size} within {@code deadline}, {@code requests-per-second}, {@code retry-attempts} within
 * {@code retry-budget}, at most {@code max-pages} pages of {@code page-size} (NOWPayments: at most 500) when listing.
 */
@ConfigurationProperties("silkway.payments.nowpayments")
record NowPaymentsProperties(
        URI baseUrl,
        String apiKey,
        String email,
        String password,
        String ipnSecret,
        URI ipnCallbackUrl,
        @DefaultValue("4m") Duration tokenReuse,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("15s") Duration deadline,
        @DefaultValue("2MB") DataSize maxAnswerSize,
        @DefaultValue("5") double requestsPerSecond,
        @DefaultValue("100") int pageSize,
        @DefaultValue("100") int maxPages,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("500ms") Duration retryFirstWait,
        @DefaultValue("20s") Duration retryBudget) {

    NowPaymentsProperties {
        for (String value : new String[] {apiKey, email, password, ipnSecret}) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(
                        "silkway.payments.nowpayments: api-key, email, password and ipn-secret must be set");
            }
        }
        if (baseUrl == null || ipnCallbackUrl == null) {
            throw new IllegalArgumentException(
                    "silkway.payments.nowpayments: base-url and ipn-callback-url must be set");
        }
        if (pageSize < 1 || pageSize > 500 || maxPages < 1 || !(requestsPerSecond > 0) || retryAttempts < 1) {
            throw new IllegalArgumentException(
                    "silkway.payments.nowpayments: page-size 1..500; max-pages, rate and retry-attempts positive");
        }
        if (tokenReuse.isNegative() || tokenReuse.compareTo(Duration.ofMinutes(5)) >= 0) {
            throw new IllegalArgumentException("silkway.payments.nowpayments.token-reuse must be under 5 minutes");
        }
    }

    AnswerLimits answerLimits() {
        return new AnswerLimits(maxAnswerSize, deadline);
    }

    Backoff backoff() {
        return new Backoff(retryAttempts, retryFirstWait, retryFirstWait.multipliedBy(8), 2.0, 0.5);
    }

    /** {@code <base-url>/v1/<path>}. */
    URI uri(String pathAndQuery) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/" + pathAndQuery);
    }
}
