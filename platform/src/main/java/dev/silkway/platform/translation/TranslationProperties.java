package dev.silkway.platform.translation;

import dev.silkway.platform.outbound.AnswerLimits;
import dev.silkway.platform.retry.Backoff;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code silkway.translation.*}: where the provider is and how it is called. Every call is bounded: at most
 * {@code max-characters-per-request} characters sent (Yandex's limit is 10,000), an answer of at most
 * {@code max-answer-bytes} read within {@code deadline}, {@code requests-per-second} (Yandex: 20 ⚠), and
 * {@code retry.max-attempts} tries; at most {@code daily-character-budget} characters a UTC day per provider. The
 * answer's bounds are the platform's {@link AnswerLimits}, the retry's the platform's {@link Backoff}.
 */
@ConfigurationProperties("silkway.translation")
public record TranslationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("yandex") String provider,
        URI baseUrl,
        String apiKey,
        String folderId,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration deadline,
        @DefaultValue("1048576") int maxAnswerBytes,
        @DefaultValue("10000") int maxCharactersPerRequest,
        @DefaultValue("20") double requestsPerSecond,
        @DefaultValue("50") int maxGlossaryPairs,
        @DefaultValue("2000000") long dailyCharacterBudget,
        @DefaultValue Retry retry) {

    public TranslationProperties {
        if (apiKey == null || apiKey.isBlank() || folderId == null || folderId.isBlank() || baseUrl == null) {
            throw new IllegalArgumentException("silkway.translation: base-url, api-key and folder-id must be set");
        }
        if (!provider.matches("[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("silkway.translation.provider must be 1-32 of [a-z0-9-]");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("silkway.translation: connect-timeout and deadline must be positive");
        }
        if (maxAnswerBytes < 1024 || maxCharactersPerRequest < 1 || !(requestsPerSecond > 0)) {
            throw new IllegalArgumentException(
                    "silkway.translation: answer size, request size and rate must be positive");
        }
        if (maxGlossaryPairs < 0 || dailyCharacterBudget < 0) {
            throw new IllegalArgumentException("silkway.translation: glossary pairs and budget must not be negative");
        }
    }

    /**
     * Retries of 429 and 5xx answers and timeouts: the platform's {@link Backoff} (jitter 0.5) under the keys
     * {@code silkway.translation.retry.*}, with the translator's own defaults.
     */
    public record Retry(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("8s") Duration maxBackoff,
            @DefaultValue("2.0") double multiplier) {

        public Retry {
            backoff(maxAttempts, initialBackoff, maxBackoff, multiplier); // validates all four
        }

        Backoff backoff() {
            return backoff(maxAttempts, initialBackoff, maxBackoff, multiplier);
        }

        private static Backoff backoff(int maxAttempts, Duration initial, Duration max, double multiplier) {
            return new Backoff(maxAttempts, initial, max, multiplier, 0.5);
        }
    }

    /** One answer: at most {@code max-answer-bytes} of body, headers and body within {@code deadline}. */
    AnswerLimits answerLimits() {
        return new AnswerLimits(DataSize.ofBytes(maxAnswerBytes), deadline);
    }

    /** Where the API is: {@code <base-url>/translate/v2/translate}. */
    URI translateUri() {
        String base = baseUrl.toString();
        return URI.create(
                (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/translate/v2/translate");
    }
}
