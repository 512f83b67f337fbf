package dev.silkway.storefront.fulfilment;

import dev.silkway.localprocess.Ports;
import dev.silkway.storefront.StorefrontIntegrationTest;
import dev.silkway.storefront.TestClockConfiguration;
import dev.silkway.testsupport.SandboxProcess;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The storefront on a fixed free port (the partner calls it back there) with a database of its own, buying through a
 * sandbox of its own whose simulated time runs 100,000 times faster (a day in under a second), callbacks neither
 * duplicated nor reordered unless a test asks. The fulfilment job runs every 300 ms. Orders are paid, and their lines
 * refunded, through the shared sandbox's YooKassa as every storefront test reaches it (its notifications pointed at
 * this storefront by {@link Fulfilments}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "management.health.elasticsearch.enabled=false",
            "logging.level.com.icegreen=WARN",
            "silkway.security.throttling.login-per-address=100000",
            "silkway.security.throttling.registrations-per-address=100000",
            "silkway.admin.email=Root.Admin@Silkway.example",
            "silkway.admin.password=" + StorefrontIntegrationTest.ADMIN_PASSWORD,
            "silkway.fulfilment.step-interval=PT0.3S",
            "silkway.fulfilment.partner.retry.initial-backoff=PT0.05S",
            "silkway.fulfilment.weight-tolerance-grams=200",
            "silkway.fulfilment.weight-tolerance-percent=10"
        })
@Import(TestClockConfiguration.class)
abstract class FulfilmentIntegrationTest extends StorefrontIntegrationTest {

    static final SandboxProcess sandbox = SandboxProcess.start(List.of(
            "--silkway.sandbox.products-per-marketplace=10",
            "--silkway.sandbox.time-factor=100000",
            "--silkway.sandbox.rate-limit-per-second=1000",
            "--silkway.sandbox.faults.rate-limit=0",
            "--silkway.sandbox.faults.server-error=0",
            "--silkway.sandbox.faults.slow=0",
            "--silkway.sandbox.faults.malformed=0",
            "--silkway.sandbox.partner.rate-limit-per-second=1000",
            "--silkway.sandbox.partner.out-of-stock-rate=0",
            "--silkway.sandbox.partner.price-changed-rate=0",
            "--silkway.sandbox.partner.callbacks.duplicate-rate=0",
            "--silkway.sandbox.partner.callbacks.reorder-rate=0",
            "--silkway.sandbox.partner.callbacks.first-backoff=PT0.2S"));

    static final int PORT = Ports.free();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    }

    @DynamicPropertySource
    static void fulfilment(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("silkway.fulfilment.partner.url", sandbox::url);
        registry.add(
                "silkway.fulfilment.callback-url",
                () -> "http://127.0.0.1:" + PORT + "/api/v1/fulfilment/webhooks/partner");
    }
}
