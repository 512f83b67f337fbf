package dev.silkway.ingestion.marketplace.alibaba1688;

import dev.silkway.ingestion.marketplace.transport.Digests;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 1688 open-platform signature {@code _aop_signature}: {@code path} is the URL part after {@code /openapi/}
 * ({@code param2/1/com.alibaba.product/alibaba.product.get/<appKey>}); every parameter becomes the string
 * {@code key + value}, those strings are sorted and concatenated; UPPER hex HMAC-SHA1(secret, path + concat).
 */
final class AopSigner {

    private AopSigner() {}

    static String sign(String path, Map<String, String> params, String secret) {
        String concatenated = params.entrySet().stream()
                .filter(e -> !"_aop_signature".equals(e.getKey()))
                .map(e -> e.getKey() + e.getValue())
                .sorted()
                .collect(Collectors.joining());
        return Digests.hmacHex("HmacSHA1", secret, path + concatenated);
    }
}
