package dev.silkway.ingestion.marketplace.taobao;

import dev.silkway.ingestion.marketplace.transport.Digests;
import dev.silkway.ingestion.marketplace.transport.Md5Signature;
import java.util.Map;

/**
 * TOP signature: every parameter but {@code sign} with a non-empty key and value, sorted by key (ASCII), concatenated
 * as {@code key+value}, then {@code md5}: MD5(secret + s + secret), {@code hmac}: HmacMD5(secret, s),
 * {@code hmac-sha256}: HmacSHA256(secret, s); UTF-8, UPPERCASE hex.
 */
final class TaobaoSigner {

    private TaobaoSigner() {}

    static String sign(Map<String, String> params, String secret, TopSignMethod method) {
        String canonical = canonical(params);
        return switch (method) {
            case MD5 -> Md5Signature.sign(params, secret);
            case HMAC -> Digests.hmacHex("HmacMD5", secret, canonical);
            case HMAC_SHA256 -> Digests.hmacHex("HmacSHA256", secret, canonical);
        };
    }

    static String canonical(Map<String, String> params) {
        return Md5Signature.canonical(params);
    }
}
