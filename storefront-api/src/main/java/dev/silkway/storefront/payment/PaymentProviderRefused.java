package dev.silkway.storefront.payment;

/** The provider refused the request (its 4xx error code and description, never our secrets). */
public final class PaymentProviderRefused extends RuntimeException {

    private final PaymentProvider provider;
    private final String code;

    private PaymentProviderRefused(PaymentProvider provider, String code, String message) {
        super(message);
        this.provider = provider;
        this.code = code;
    }

    public static PaymentProviderRefused of(PaymentProvider provider, String code, String description) {
        return new PaymentProviderRefused(provider, code, provider + " refused (" + code + "): " + description);
    }

    public PaymentProvider provider() {
        return provider;
    }

    public String code() {
        return code;
    }
}
