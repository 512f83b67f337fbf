package dev.silkway.tracking.carrier.track17;

import dev.silkway.tracking.carrier.CarrierWebhook;
import dev.silkway.tracking.carrier.CarrierWebhookRejected;
import dev.silkway.tracking.carrier.TrackedParcel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * 17TRACK's pushes: the {@code sign} header must be the hex SHA-256 of the raw body, a slash and the API key
 * (compared in constant time); a {@code TRACKING_UPDATED} delivery gives its number's events, any other event none.
 */
@Component
class Track17Webhook implements CarrierWebhook.Receiver {

    private final Track17Properties properties;

    Track17Webhook(Track17Properties properties) {
        this.properties = properties;
    }

    @Override
    public String carrier() {
        return "17track";
    }

    @Override
    public List<TrackedParcel> receive(CarrierWebhook.Delivery delivery) {
        if (!signedWith(delivery.body(), delivery.header("sign"), properties.apiKey())) {
            throw CarrierWebhookRejected.forged(carrier());
        }
        JsonNode root = delivery.json(carrier());
        if (!"TRACKING_UPDATED".equals(root.path("event").asString(""))) {
            return List.of();
        }
        JsonNode data = root.path("data");
        if (data.path("number").asString("").isBlank()) {
            throw CarrierWebhookRejected.malformed(carrier(), "no data.number");
        }
        TrackedParcel parcel = Track17Parcels.parcel(data, Map.of());
        return parcel == null ? List.of() : List.of(parcel);
    }

    static boolean signedWith(byte[] body, @Nullable String sign, String apiKey) {
        if (sign == null || !sign.matches("[0-9a-fA-F]{64}")) {
            return false;
        }
        return MessageDigest.isEqual(
                HexFormat.of().parseHex(sign.toLowerCase(java.util.Locale.ROOT)), sha256(body, apiKey));
    }

    static byte[] sha256(byte[] body, String apiKey) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(body);
            digest.update(("/" + apiKey).getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
