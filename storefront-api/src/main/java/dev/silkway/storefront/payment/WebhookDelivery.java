package dev.silkway.storefront.payment;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One webhook request as received: header names lower-case, the body's exact bytes, the client address. */
public record WebhookDelivery(
        Map<String, List<String>> headers, byte[] body, InetAddress remoteAddress, Instant receivedAt) {}
