package dev.silkway.storefront.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar storefront-api.jar --silkway.rotate-pii-keys --server.port=0}: re-encrypts all
 * personal data under {@code SILKWAY_PII_ACTIVE_KEY}, then exits. Keep the old key in
 * {@code SILKWAY_PII_KEYS} until it has finished.
 */
@Component
@ConditionalOnProperty("silkway.rotate-pii-keys")
class PiiKeyRotationCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PiiKeyRotationCommand.class);

    private final PiiKeyRotation rotation;
    private final ConfigurableApplicationContext context;

    PiiKeyRotationCommand(PiiKeyRotation rotation, ConfigurableApplicationContext context) {
        this.rotation = rotation;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        long rows = rotation.rotateAll();
        log.info("PII key rotation finished: {} rows re-encrypted", rows);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
