package dev.silkway.storefront.payment.http;

/** The cause of a provider's unavailability when it did answer: the HTTP status it answered with (429, 5xx). */
public final class ProviderAnswered extends RuntimeException {

    private final int status;

    private ProviderAnswered(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static ProviderAnswered withStatus(int status, String what) {
        return new ProviderAnswered(status, "HTTP " + status + (what.isEmpty() ? "" : " " + what));
    }

    public int status() {
        return status;
    }
}
