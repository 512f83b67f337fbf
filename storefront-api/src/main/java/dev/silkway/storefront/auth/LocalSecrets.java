package dev.silkway.storefront.auth;

import dev.silkway.platform.config.LocalSecretsPostProcessor;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The storefront's local-stack secrets ({@link LocalSecretsPostProcessor}): the JWT key pair, the PII
 * key and the blind-index key, in {@code storefront-secrets.properties}.
 */
class LocalSecrets extends LocalSecretsPostProcessor {

    @Override
    protected String fileName() {
        return "storefront-secrets.properties";
    }

    @Override
    protected Properties generate() throws java.security.GeneralSecurityException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        var pair = rsa.generateKeyPair();
        SecureRandom random = new SecureRandom();
        byte[] pii = new byte[32];
        byte[] blind = new byte[32];
        random.nextBytes(pii);
        random.nextBytes(blind);
        Base64.Encoder b64 = Base64.getEncoder();
        Properties p = new Properties();
        p.setProperty(
                "silkway.local-secrets.jwt-private-key",
                pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        p.setProperty(
                "silkway.local-secrets.jwt-public-key",
                pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        p.setProperty("silkway.local-secrets.pii-keys", "local1:" + b64.encodeToString(pii));
        p.setProperty("silkway.local-secrets.pii-active-key", "local1");
        p.setProperty("silkway.local-secrets.blind-index-key", b64.encodeToString(blind));
        return p;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
