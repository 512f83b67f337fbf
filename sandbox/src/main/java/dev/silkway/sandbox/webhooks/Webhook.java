package dev.silkway.sandbox.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * One event to deliver: {@code source} names the simulator ("stripe", "nowpayments", "yookassa"), {@code eventId}
 * the event for the delivery log, {@code body} the exact JSON sent. The {@link Signer} is asked for the headers at
 * every attempt (Stripe signs each attempt with a fresh timestamp).
 */
public record Webhook(String source, String eventId, URI url, String body, Signer signer) {

    /** The signature headers of one attempt. */
    @FunctionalInterface
    public interface Signer {
        Map<String, String> headers(String body, Instant now);

        Signer NONE = (body, now) -> Map.of();
    }
}
