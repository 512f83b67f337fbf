package dev.silkway.storefront.auth;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;

/**
 * For the local stack only: when {@code silkway.local-secrets-dir} is set (the stack passes its
 * {@code .state/secrets}), the JWT key pair, the PII key and the blind-index key are generated there
 * at first start (owner-readable only) and read back on later starts, as {@code silkway.local-secrets.*}:
 * application.yml falls back to them only when the real environment variables are not set. Nothing is generated when the property is absent.
 */
class LocalSecrets implements EnvironmentPostProcessor {

    static final String DIR_PROPERTY = "silkway.local-secrets-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path file = Path.of(dir).resolve("storefront-secrets.properties");
        environment
                .getPropertySources()
                .addLast(new PropertiesPropertySource("silkwayLocalSecrets", loadOrCreate(file)));
    }

    static Properties loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Properties fresh = generate();
                Path temp = Files.createTempFile(file.getParent(), "secrets", ".tmp");
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                try (Writer out = Files.newBufferedWriter(temp)) {
                    fresh.store(out, "Generated for the local stack at first start. Never commit.");
                }
                Files.move(temp, file);
            }
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the local secrets in " + file.getParent(), e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate the local secrets", e);
        }
    }

    static Properties generate() throws java.security.GeneralSecurityException {
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
