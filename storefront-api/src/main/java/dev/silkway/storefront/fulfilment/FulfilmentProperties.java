package dev.silkway.storefront.fulfilment;

import dev.silkway.platform.outbound.AnswerLimits;
import dev.silkway.platform.retry.Backoff;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code silkway.fulfilment.*}.
 *
 * @param partner the purchasing partner's API and credentials (secret from the environment)
 * @param callbackUrl where the partner sends its callbacks (this storefront's webhook, as the partner reaches it)
 * @param stepInterval how often the clustered fulfilment job runs
 * @param batch rows each part of the job takes per run
 * @param lease how long a claimed request is left alone before it is sent again (a crashed sender)
 * @param maxBackoff the longest wait before a failed request is tried again
 * @param replayWindow how far a callback's timestamp may be from our clock
 * @param substitutionWindow how long the shopper has to accept a substitute
 * @param weightToleranceGrams a measured chargeable weight within this many grams of the quote is not listed
 * @param weightTolerancePercent ... nor one within this share of the quoted weight (the larger of the two counts)
 */
@Validated
@ConfigurationProperties("silkway.fulfilment")
record FulfilmentProperties(
        @DefaultValue Partner partner,

        @DefaultValue("http://127.0.0.1:8080/api/v1/fulfilment/webhooks/partner")
        URI callbackUrl,

        @DefaultValue("10s") Duration stepInterval,
        @DefaultValue("50") @Min(1) @Max(1000) int batch,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("300s") Duration replayWindow,
        @DefaultValue("24h") Duration substitutionWindow,
        @DefaultValue("200") @Min(0) int weightToleranceGrams,
        @DefaultValue("10") @Min(0) @Max(100) int weightTolerancePercent) {

    /** The partner: base URL, SANDBOX-default credentials, bounds of each call, calls per second, the retry within one. */
    record Partner(
            @DefaultValue("http://127.0.0.1:8090") URI url,
            @DefaultValue("sandbox-partner-key") String appKey,
            @DefaultValue("sandbox-partner-secret") String appSecret,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue AnswerLimits answerLimits,
            @DefaultValue("20") @Positive double requestsPerSecond,
            @DefaultValue Retry retry) {}

    /** Retries within one call (429, 5xx, timeouts): the platform's {@link Backoff}. */
    record Retry(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("300ms") Duration initialBackoff,
            @DefaultValue("3s") Duration maxBackoff) {

        Backoff backoff() {
            return new Backoff(maxAttempts, initialBackoff, maxBackoff, 2.0, 0.5);
        }
    }

    /** The wait before the next try of a request that failed {@code attempts} times. */
    Duration backoff(int attempts) {
        long seconds = 5L << Math.min(Math.max(attempts - 1, 0), 16);
        return Duration.ofSeconds(seconds).compareTo(maxBackoff) > 0 ? maxBackoff : Duration.ofSeconds(seconds);
    }
}
