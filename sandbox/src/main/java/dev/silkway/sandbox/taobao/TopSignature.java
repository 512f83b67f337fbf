package dev.silkway.sandbox.taobao;

import dev.silkway.sandbox.catalogue.Signatures;
import java.util.Map;
import java.util.TreeMap;

/** The TOP check: sorted key+value of non-empty params but sign; md5 / hmac (HmacMD5) / hmac-sha256; UPPER hex. */
final class TopSignature {

    private TopSignature() {}

    static boolean valid(Map<String, String> params, String secret) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(params).forEach((key, value) -> {
            if (!key.isEmpty() && !"sign".equals(key) && !value.isEmpty()) {
                text.append(key).append(value);
            }
        });
        String expected = switch (params.getOrDefault("sign_method", "md5")) {
            case "md5" -> Signatures.md5(secret + text + secret);
            case "hmac" -> Signatures.hmac("HmacMD5", secret, text.toString());
            case "hmac-sha256" -> Signatures.hmac("HmacSHA256", secret, text.toString());
            default -> "";
        };
        return !expected.isEmpty() && expected.equals(params.get("sign"));
    }
}
