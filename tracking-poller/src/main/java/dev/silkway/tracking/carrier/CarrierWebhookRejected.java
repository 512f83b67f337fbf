package dev.silkway.tracking.carrier;

/** A webhook delivery not to be trusted or not understood: the endpoint answers it with a problem, never with 200. */
public final class CarrierWebhookRejected extends RuntimeException {

    /** What the endpoint answers: UNKNOWN_CARRIER 404, FORGED 401, SOURCE_NOT_ALLOWED 403, MALFORMED 400. */
    public enum Reason {
        UNKNOWN_CARRIER,
        FORGED,
        SOURCE_NOT_ALLOWED,
        MALFORMED
    }

    private final Reason reason;

    private CarrierWebhookRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public static CarrierWebhookRejected unknownCarrier(String carrier) {
        return new CarrierWebhookRejected(Reason.UNKNOWN_CARRIER, "no webhook is received for carrier " + carrier);
    }

    public static CarrierWebhookRejected forged(String carrier) {
        return new CarrierWebhookRejected(Reason.FORGED, carrier + " webhook signature missing or wrong");
    }

    public static CarrierWebhookRejected sourceNotAllowed(String carrier, String address) {
        return new CarrierWebhookRejected(
                Reason.SOURCE_NOT_ALLOWED, carrier + " webhook from an address not allowed: " + address);
    }

    public static CarrierWebhookRejected malformed(String carrier, String what) {
        return new CarrierWebhookRejected(Reason.MALFORMED, carrier + " webhook not understood: " + what);
    }

    public Reason reason() {
        return reason;
    }
}
