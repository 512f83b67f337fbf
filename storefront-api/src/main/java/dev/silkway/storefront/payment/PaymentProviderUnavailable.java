package dev.silkway.storefront.payment;

/** The provider could not be reached, or answered 5xx / 429, within the bounded retries. */
public final class PaymentProviderUnavailable extends RuntimeException {

    private final PaymentProvider provider;

    private PaymentProviderUnavailable(PaymentProvider provider, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
    }

    public static PaymentProviderUnavailable of(PaymentProvider provider, String what, Throwable cause) {
        return new PaymentProviderUnavailable(provider, provider + " unavailable: " + what, cause);
    }

    public PaymentProvider provider() {
        return provider;
    }
}
