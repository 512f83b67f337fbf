package dev.silkway.storefront.cart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** A guest cart's opaque token (256 random bits, base64url); only its SHA-256 is stored. */
final class CartToken {

    static final String HEADER = "X-Cart-Token";

    private static final SecureRandom random = new SecureRandom();

    private CartToken() {}

    static String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form; a token of the wrong shape hashes like any other and simply finds no cart. */
    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.strip().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
