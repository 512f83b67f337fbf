package dev.silkway.platform.translation;

/**
 * A translation request that the provider did not answer with translations. {@link #retryable()} ones (429, 5xx,
 * timeouts, broken connections) are tried again with back-off; the others are final for that request.
 */
public final class TranslationFailed extends RuntimeException {

    private final boolean retryable;

    private TranslationFailed(String message, boolean retryable, Throwable cause) {
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

    static TranslationFailed io(String provider, Exception cause) {
        return new TranslationFailed(
                provider + " could not be reached: " + cause.getClass().getSimpleName(), true, cause);
    }

    static TranslationFailed timedOut(String provider, java.time.Duration deadline) {
        return new TranslationFailed(provider + " did not answer within " + deadline.toMillis() + " ms", true);
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

    static TranslationFailed answerTooLarge(String provider, int limit) {
        return new TranslationFailed(provider + " answered more than " + limit + " bytes", false);
    }

    public boolean retryable() {
        return retryable;
    }
}
