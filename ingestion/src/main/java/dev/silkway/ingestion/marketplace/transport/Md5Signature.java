package dev.silkway.ingestion.marketplace.transport;

import java.util.Map;
import java.util.TreeMap;

/**
 * The MD5 signature that TOP (Taobao), JD Union and Pinduoduo share: every parameter but {@code sign} with a
 * non-empty key and value, sorted by key (ASCII) and concatenated as {@code key+value}, then
 * UPPER(MD5(secret + that + secret)), UTF-8.
 */
public final class Md5Signature {

    private Md5Signature() {}

    public static String sign(Map<String, String> params, String secret) {
        return Digests.md5Hex(secret + canonical(params) + secret);
    }

    /** The sorted {@code key+value} text that is signed. */
    public static String canonical(Map<String, String> params) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(params).forEach((key, value) -> {
            if (!key.isEmpty() && !"sign".equals(key) && value != null && !value.isEmpty()) {
                text.append(key).append(value);
            }
        });
        return text.toString();
    }
}
