package dev.silkway.ingestion.marketplace.jd;

import dev.silkway.ingestion.marketplace.common.Digests;
import java.util.Map;
import java.util.TreeMap;

/**
 * JD open platform signature: UPPER(MD5(secret + Σ sorted(key + value) + secret)) over every parameter but
 * {@code sign} with a non-empty value, the {@code 360buy_param_json} business JSON included in the sort.
 */
final class JdSigner {

    private JdSigner() {}

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
