package dev.silkway.storefront.payment;

/** A webhook delivery that is not trusted: forged or stale signature, unknown source, unreadable body. */
public final class WebhookRejected extends RuntimeException {

    private final int status;

    private WebhookRejected(int status, String reason) {
        super(reason);
        this.status = status;
    }

    /** 401: the signature does not match, or the source is not one of the provider's networks. */
    public static WebhookRejected unauthenticated(String reason) {
        return new WebhookRejected(401, reason);
    }

    /** 400: a signature too old or malformed, or a body that is not the provider's event. */
    public static WebhookRejected malformed(String reason) {
        return new WebhookRejected(400, reason);
    }

    public int status() {
        return status;
    }
}
