package dev.silkway.storefront;

import dev.silkway.testsupport.SandboxProcess;
import dev.silkway.testsupport.ServiceProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The storefront on a random port against the real PostgreSQL (a database of its own) and Kafka, with
 * an in-JVM GreenMail as its SMTP server. One Spring context for every subclass: tests use unique
 * shoppers. The client-address limits are raised here because every test calls from 127.0.0.1;
 * {@code RegistrationThrottleIT} checks them with the real values.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.health.elasticsearch.enabled=false",
            "silkway.mail.poll-interval=PT0.2S",
            "logging.level.com.icegreen=WARN",
            "silkway.web.cors-allowed-origins=https://shop.silkway.example",
            "silkway.mail.first-retry=PT0.5S",
            "silkway.mail.max-retry=PT1S",
            "silkway.security.throttling.login-per-address=100000",
            "silkway.security.throttling.registrations-per-address=100000",
            "silkway.security.throttling.resets-per-address=100000",
            "silkway.admin.email=Root.Admin@Silkway.example",
            // Orders moved to PAID here stay PAID: only FulfilmentIT buys them (its own context and sandbox).
            "silkway.fulfilment.step-interval=PT1H",
            "silkway.admin.password=" + StorefrontIntegrationTest.ADMIN_PASSWORD
        })
@Import(TestClockConfiguration.class)
public abstract class StorefrontIntegrationTest {

    public static final String ADMIN_EMAIL = "root.admin@silkway.example";
    public static final String ADMIN_PASSWORD = "Admin-Only-For-This-Test-1";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "storefront_accounts");
        ServiceProperties.kafka(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::smtpPort);
        // Payments through the sandbox's YooKassa (its published sandbox shop); notifications from
        // 127.0.0.1 only, so that a test calling from another loopback address is a foreign source.
        registry.add(
                "silkway.payments.yookassa.base-url",
                () -> SandboxProcess.shared().url() + "/yookassa/v3");
        registry.add("silkway.payments.yookassa.shop-id", () -> "sandbox-shop");
        // Stripe and NOWPayments through the sandbox's simulators (their defaults sit under silkway.sandbox.url).
        registry.add("silkway.sandbox.url", () -> SandboxProcess.shared().url());
        registry.add("silkway.payments.yookassa.secret-key", () -> "sandbox-yookassa-secret");
        registry.add("silkway.payments.yookassa.notification-networks", () -> "127.0.0.1/32");
        registry.add("silkway.payments.yookassa.page-size", () -> "5");
        registry.add("silkway.payments.poll-interval", () -> "PT0.5S");
        registry.add("silkway.payments.refund-send-grace", () -> "PT1S");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MutableClock clock;

    protected Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The first admin (from {@code silkway.admin.*}), signed in. */
    protected Shoppers.Session admin() {
        return Shoppers.signIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
    }
}
