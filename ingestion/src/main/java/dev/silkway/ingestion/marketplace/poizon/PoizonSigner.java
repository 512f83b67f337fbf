package dev.silkway.ingestion.marketplace.poizon;

import dev.silkway.ingestion.marketplace.transport.Digests;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Poizon/Dewu signature: every non-empty parameter but {@code sign}, sorted by key, list values joined by
 * {@code ","}, each as {@code urlencode(key)=urlencode(value)} joined by {@code &}; append the app secret;
 * UPPER hex MD5. (⚠ from unofficial sources: URL encoding is {@code application/x-www-form-urlencoded}, UTF-8.)
 */
final class PoizonSigner {

    private PoizonSigner() {}

    static String sign(Map<String, ?> params, String secret) {
        return Digests.md5Hex(canonical(params) + secret);
    }

    static String canonical(Map<String, ?> params) {
        return new TreeMap<>(params)
                .entrySet().stream()
                        .filter(e -> !"sign".equals(e.getKey()))
                        .map(e -> Map.entry(e.getKey(), flatten(e.getValue())))
                        .filter(e -> !e.getValue().isEmpty())
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    private static String flatten(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return value == null ? "" : String.valueOf(value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
