package dev.silkway.platform.translation;

import dev.silkway.platform.outbound.OutboundFailed;

/**
 * A translation request that the provider did not answer with translations. {@link #retryable()} ones (429, 5xx,
 * timeouts, broken connections) are tried again with back-off; the others are final for that request.
 */
public final class TranslationFailed extends RuntimeException {

    private final boolean retryable;

    private TranslationFailed(String message, boolean retryable, Exception cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    private TranslationFailed(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    static TranslationFailed rateLimited(String provider) {
        return new TranslationFailed(provider + " answered 429: too many requests", true);
    }

    static TranslationFailed unavailable(String provider, int status) {
        return new TranslationFailed(provider + " answered " + status, true);
    }

    /** The answer was cut off (too large, past its deadline), refused (a redirect) or never came. */
    static TranslationFailed outbound(String provider, OutboundFailed failure) {
        return new TranslationFailed(provider + ": " + failure.getMessage(), failure.retryable(), failure);
    }

    /** The calling thread was interrupted (its caller gave up); never retried. */
    static TranslationFailed interrupted(String provider, Exception cause) {
        return new TranslationFailed(provider + ": the call was interrupted", false, cause);
    }

    static TranslationFailed credentialsRejected(String provider, int status, String detail) {
        return new TranslationFailed(
                provider + " refused the API key or folder (" + status + "): " + detail
                        + "; check silkway.translation.api-key and folder-id",
                false);
    }

    static TranslationFailed rejected(String provider, int status, String detail) {
        return new TranslationFailed(provider + " rejected the request (" + status + "): " + detail, false);
    }

    static TranslationFailed malformedAnswer(String provider, String why) {
        return new TranslationFailed(provider + " answered something unusable: " + why, false);
    }

    public boolean retryable() {
        return retryable;
    }
}
