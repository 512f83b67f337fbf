package dev.silkway.ingestion;

import dev.silkway.ingestion.egress.GuardedResolverProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Ingestion: scheduled marketplace, carrier and exchange-rate feeds into the unified model, and the operator API. */
@SpringBootApplication
@ConfigurationPropertiesScan("dev.silkway.ingestion.config")
@EnableScheduling
public class IngestionApplication {

    public static void main(String[] args) {
        // First thing: the JDK loads the feed-guarding name resolver with this thread's (the application's) loader.
        GuardedResolverProvider.install();
        SpringApplication.run(IngestionApplication.class, args);
    }
}
