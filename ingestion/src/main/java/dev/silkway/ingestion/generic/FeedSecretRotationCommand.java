package dev.silkway.ingestion.generic;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar ingestion.jar --silkway.rotate-feed-keys --server.port=0 --spring.quartz.auto-startup=false
 * --silkway.ingestion.ingest-on-startup=false}: re-seals every declared feed's credentials under
 * {@code SILKWAY_FEED_SECRET_ACTIVE_KEY}, then exits. Keep the old key in {@code SILKWAY_FEED_SECRET_KEYS} until it
 * has finished.
 */
@Component
@ConditionalOnProperty("silkway.rotate-feed-keys")
class FeedSecretRotationCommand implements ApplicationRunner {

    private final FeedSecretRotation rotation;
    private final ConfigurableApplicationContext context;

    FeedSecretRotationCommand(FeedSecretRotation rotation, ConfigurableApplicationContext context) {
        this.rotation = rotation;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        rotation.rotateAll();
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
