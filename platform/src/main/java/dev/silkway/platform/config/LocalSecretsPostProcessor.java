package dev.silkway.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;

/**
 * For the local stack only: when {@code silkway.local-secrets-dir} is set (the stack passes its {@code .state/secrets}),
 * an application's keys are generated into a file of that folder at first start (owner-readable only) and read back
 * on later starts, as {@code silkway.local-secrets.*} with the lowest precedence: an application's
 * {@code application.yml} falls back to them only when the real environment variables are not set. Nothing is
 * generated when the property is absent. Each application subclasses it with its file and its keys.
 */
public abstract class LocalSecretsPostProcessor implements EnvironmentPostProcessor {

    public static final String DIR_PROPERTY = "silkway.local-secrets-dir";

    /** The file of this application's secrets in the folder, e.g. {@code storefront-secrets.properties}. */
    protected abstract String fileName();

    /** Fresh secrets, named {@code silkway.local-secrets.*}. */
    protected abstract Properties generate() throws GeneralSecurityException;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path file = Path.of(dir).resolve(fileName());
        environment
                .getPropertySources()
                .addLast(new PropertiesPropertySource("silkwayLocalSecrets-" + fileName(), loadOrCreate(file)));
    }

    public final Properties loadOrCreate(Path file) {
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
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate the local secrets", e);
        }
    }
}
