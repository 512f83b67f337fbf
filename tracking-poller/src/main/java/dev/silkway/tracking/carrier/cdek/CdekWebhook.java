package dev.silkway.tracking.carrier.cdek;

import dev.silkway.tracking.carrier.CarrierWebhook;
import dev.silkway.tracking.carrier.CarrierWebhookRejected;
import dev.silkway.tracking.carrier.TrackedNumber;
import dev.silkway.tracking.carrier.TrackedParcel;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * CDEK's ORDER_STATUS callbacks, which carry no signature: the sender must be on {@code webhook-sources} (addresses, or
 * host names resolved at each delivery), and what the
 * callback says is not trusted: the order is fetched again by its {@code cdek_number} and its statuses returned.
 */
@Component
class CdekWebhook implements CarrierWebhook.Receiver {

    private final CdekProperties properties;
    private final CdekClient client;

    CdekWebhook(CdekProperties properties, CdekClient client) {
        this.properties = properties;
        this.client = client;
    }

    /** An address on the list, or one that a host name on the list resolves to (a container's, say). */
    boolean allowed(String address) {
        for (String source : properties.webhookSources()) {
            if (source.equals(address)) {
                return true;
            }
            try {
                for (InetAddress resolved : InetAddress.getAllByName(source)) {
                    if (resolved.getHostAddress().equals(address)) {
                        return true;
                    }
                }
            } catch (UnknownHostException e) {
                // a name that does not resolve allows nothing
            }
        }
        return false;
    }

    @Override
    public String carrier() {
        return "cdek";
    }

    @Override
    public List<TrackedParcel> receive(CarrierWebhook.Delivery delivery) {
        if (!allowed(delivery.remoteAddress())) {
            throw CarrierWebhookRejected.sourceNotAllowed(carrier(), delivery.remoteAddress());
        }
        JsonNode root = delivery.json(carrier());
        if (!"ORDER_STATUS".equals(root.path("type").asString(""))) {
            return List.of();
        }
        String number = root.path("attributes").path("cdek_number").asString("");
        if (!number.matches("\\d{1,20}")) {
            throw CarrierWebhookRejected.malformed(carrier(), "no attributes.cdek_number");
        }
        return client.track(List.of(new TrackedNumber("cdek", number))).parcels();
    }
}
