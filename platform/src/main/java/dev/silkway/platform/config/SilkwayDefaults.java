package dev.silkway.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings every Silkway application shares (local-stack addresses, actuator exposure, Kafka
 * client defaults), from {@code silkway-defaults.yml}, with the lowest precedence: an application's
 * own {@code application.yml}, environment variables and command-line arguments all override them.
 */
class SilkwayDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "silkway-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new YamlPropertySourceLoader()
                    .load("silkwayDefaults", new ClassPathResource(SOURCE))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SOURCE, e);
        }
    }
}
