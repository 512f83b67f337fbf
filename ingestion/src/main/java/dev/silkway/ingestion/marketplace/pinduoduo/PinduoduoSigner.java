package dev.silkway.ingestion.marketplace.pinduoduo;

import dev.silkway.ingestion.marketplace.common.Digests;
import java.util.Map;
import java.util.TreeMap;

/** Pinduoduo signature: UPPER(MD5(secret + Σ sorted(key + value) + secret)), {@code sign} and empty values left out. */
final class PinduoduoSigner {

    private PinduoduoSigner() {}

    static String sign(Map<String, String> params, String secret) {
        StringBuilder text = new StringBuilder(secret);
        new TreeMap<>(params).forEach((key, value) -> {
            if (!"sign".equals(key) && value != null && !value.isEmpty()) {
                text.append(key).append(value);
            }
        });
        return Digests.md5Hex(text.append(secret).toString());
    }
}
