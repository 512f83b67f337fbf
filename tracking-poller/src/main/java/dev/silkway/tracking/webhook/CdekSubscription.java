package dev.silkway.tracking.webhook;

import dev.silkway.tracking.carrier.CarrierUnavailable;
import dev.silkway.tracking.carrier.cdek.CdekClient;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Subscribes to CDEK's ORDER_STATUS webhooks at start when the poller's public address is known
 * ({@code silkway.tracking.webhooks.public-url}); CDEK legs are then polled as webhook-covered once
 * their first push arrives. Without it (or with CDEK unreachable) CDEK legs are simply polled.
 */
@Component
@ConditionalOnProperty("silkway.tracking.webhooks.public-url")
class CdekSubscription implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CdekSubscription.class);

    private final CdekClient cdek;
    private final URI endpoint;

    CdekSubscription(CdekClient cdek, @Value("${silkway.tracking.webhooks.public-url}") URI publicUrl) {
        this.cdek = cdek;
        this.endpoint = publicUrl.resolve("/api/v1/carriers/webhooks/cdek");
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            String subscription = cdek.subscribe(endpoint);
            log.info("Subscribed to CDEK order statuses at {} ({})", endpoint, subscription);
        } catch (CarrierUnavailable e) {
            log.warn("CDEK webhooks not subscribed, CDEK legs are polled: {}", e.getMessage());
        }
    }
}
