package dev.silkway.ingestion.marketplace.transport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** UTF-8 digests as UPPERCASE hex, the form every Chinese open platform here expects. */
public final class Digests {

    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private Digests() {}

    public static String md5Hex(String text) {
        try {
            return UPPER_HEX.formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    /** {@code algorithm} is a JCA Mac name: HmacMD5, HmacSHA1, HmacSHA256. */
    public static String hmacHex(String algorithm, String secret, String text) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return UPPER_HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
