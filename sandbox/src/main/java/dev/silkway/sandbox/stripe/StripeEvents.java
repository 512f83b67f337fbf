package dev.silkway.sandbox.stripe;

import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.webhook.WebhookRates;
import dev.silkway.sandbox.webhook.WebhookSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account's webhook endpoints and its events: each event is
 * {@code {id, object:"event", api_version, created, type, data:{object}, livemode, pending_webhooks, request}},
 * sent through the shared {@link WebhookSender} (per the {@link WebhookRates}) to every endpoint that listens to its
 * type, with
 * {@code Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(endpoint secret, t + "." + body)>} computed per attempt.
 */
@Component
class StripeEvents {

    static final String API_VERSION = "2020-08-27";

    /** A webhook endpoint: {@code events} holds "*" or the event types it listens to. */
    record Endpoint(String id, URI url, List<String> events, String secret) {

        boolean listensTo(String type) {
            return events.contains("*") || events.contains(type);
        }

        ObjectNode json(boolean withSecret) {
            ObjectNode node = SandboxJson.object()
                    .put("id", id)
                    .put("object", "webhook_endpoint")
                    .put("api_version", API_VERSION)
                    .put("livemode", false)
                    .put("status", "enabled")
                    .put("url", url.toString());
            events.forEach(node.putArray("enabled_events")::add);
            if (withSecret) {
                node.put("secret", secret);
            }
            return node;
        }
    }

    private final WebhookSender sender;
    private final WebhookRates rates;
    private final Clock clock;
    private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();

    StripeEvents(StripeSandboxProperties properties, WebhookSender sender, WebhookRates rates, Clock clock) {
        this.sender = sender;
        this.rates = rates;
        this.clock = clock;
        if (!properties.webhookUrl().isBlank()) {
            endpoints.add(new Endpoint(
                    "we_default", URI.create(properties.webhookUrl()), List.of("*"), properties.webhookSecret()));
        }
    }

    Endpoint add(URI url, List<String> events) {
        Endpoint endpoint = new Endpoint(
                StripeIds.next("we_"), url, events.isEmpty() ? List.of("*") : events, StripeIds.next("whsec_"));
        endpoints.add(endpoint);
        return endpoint;
    }

    boolean remove(String id) {
        return endpoints.removeIf(e -> e.id().equals(id));
    }

    /** Sends {@code type} about {@code object} (its JSON as it is now) to every endpoint listening to it. */
    void emit(String type, ObjectNode object) {
        String id = StripeIds.next("evt_");
        ObjectNode event = SandboxJson.object()
                .put("id", id)
                .put("object", "event")
                .put("api_version", API_VERSION)
                .put("created", clock.instant().getEpochSecond())
                .put("livemode", false)
                .put("pending_webhooks", endpoints.size())
                .put("type", type);
        event.putObject("data").set("object", object);
        event.putObject("request").putNull("id").putNull("idempotency_key");
        String body = SandboxJson.MAPPER.writeValueAsString(event);
        for (Endpoint endpoint : endpoints) {
            if (endpoint.listensTo(type)) {
                sender.send(
                        new WebhookSender.Delivery(
                                "stripe",
                                endpoint.url(),
                                () -> Map.of(
                                        "Stripe-Signature",
                                        signature(
                                                endpoint.secret(),
                                                clock.instant().getEpochSecond(),
                                                body)),
                                body.getBytes(StandardCharsets.UTF_8)),
                        rates.policy());
            }
        }
    }

    /** {@code t=<unix>,v1=<lowercase hex HMAC-SHA256(secret, t + "." + payload)>}. */
    static String signature(String secret, long timestamp, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + java.util.HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
