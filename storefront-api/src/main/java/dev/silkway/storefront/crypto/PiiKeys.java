package dev.silkway.storefront.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The parsed AES-256 keys by id, and the blind-index key. Never printed. */
final class PiiKeys {

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final byte[] blindIndexKey;

    private PiiKeys(Map<String, SecretKey> keys, String activeKeyId, byte[] blindIndexKey) {
        this.keys = keys;
        this.activeKeyId = activeKeyId;
        this.blindIndexKey = blindIndexKey;
    }

    static PiiKeys from(PiiProperties properties) {
        if (properties.keys().isBlank() || properties.blindIndexKey().isBlank()) {
            throw new IllegalStateException("Personal-data keys are missing: set SILKWAY_PII_KEYS, "
                    + "SILKWAY_PII_ACTIVE_KEY and SILKWAY_BLIND_INDEX_KEY (see the README, Security)");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : properties.keys().split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("SILKWAY_PII_KEYS entries look like id:base64-of-32-bytes");
            }
            String id = trimmed.substring(0, colon);
            byte[] bytes = decode(trimmed.substring(colon + 1), "key " + id);
            if (bytes.length != 32) {
                throw new IllegalStateException("PII key " + id + " must be 32 bytes (AES-256)");
            }
            keys.put(id, new SecretKeySpec(bytes, "AES"));
        }
        String active = properties.activeKey().isBlank()
                ? keys.keySet().iterator().next()
                : properties.activeKey().trim();
        if (!keys.containsKey(active)) {
            throw new IllegalStateException("SILKWAY_PII_ACTIVE_KEY names no key of SILKWAY_PII_KEYS");
        }
        byte[] blind = decode(properties.blindIndexKey(), "blind-index key");
        if (blind.length < 32) {
            throw new IllegalStateException("SILKWAY_BLIND_INDEX_KEY must hold at least 32 bytes");
        }
        return new PiiKeys(Map.copyOf(keys), active, blind);
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The " + what + " is not valid base64");
        }
    }

    SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("No PII key with id " + id + " is configured");
        }
        return key;
    }

    String activeKeyId() {
        return activeKeyId;
    }

    byte[] blindIndexKey() {
        return blindIndexKey.clone();
    }

    @Override
    public String toString() {
        return "PiiKeys[active=" + activeKeyId + ", ids=" + keys.keySet() + "]";
    }
}
