package dev.silkway.storefront.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.storefront.Api;
import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.TestClockConfiguration;
import dev.silkway.storefront.TestMail;
import dev.silkway.testsupport.ServiceProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The per-address limits with small values, in a context (and database) of their own. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.health.elasticsearch.enabled=false",
            "silkway.security.throttling.registrations-per-address=3",
            "silkway.security.throttling.resets-per-address=2",
            "silkway.security.throttling.login-per-address=4"
        })
@Import(TestClockConfiguration.class)
class RegistrationThrottleIT {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "storefront_throttle");
        ServiceProperties.kafka(registry);
        registry.add("spring.mail.port", TestMail::smtpPort);
    }

    @LocalServerPort
    int port;

    @Test
    void registrationsPasswordResetsAndLoginsAreRateLimitedPerClientAddress() {
        Api api = new Api(port);
        for (int i = 0; i < 3; i++) {
            assertThat(api.post(
                                    "/api/v1/auth/register",
                                    Api.registration(Shoppers.uniqueEmail(), "Иван", Shoppers.uniquePhone()),
                                    null)
                            .status())
                    .isEqualTo(201);
        }
        var limited = api.post(
                "/api/v1/auth/register",
                Api.registration(Shoppers.uniqueEmail(), "Иван", Shoppers.uniquePhone()),
                null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();

        assertThat(api.post("/api/v1/auth/password-reset", Map.of("email", Shoppers.uniqueEmail()), null)
                        .status())
                .isEqualTo(202);
        assertThat(api.post("/api/v1/auth/password-reset", Map.of("email", Shoppers.uniqueEmail()), null)
                        .status())
                .isEqualTo(202);
        assertThat(api.post("/api/v1/auth/password-reset", Map.of("email", Shoppers.uniqueEmail()), null)
                        .status())
                .isEqualTo(429);

        for (int i = 0; i < 4; i++) {
            api.post(
                    "/api/v1/auth/login", Map.of("email", Shoppers.uniqueEmail(), "password", "Whatever-123456"), null);
        }
        var throttled = api.post("/api/v1/auth/login", Map.of("email", Shoppers.uniqueEmail(), "password", "x"), null);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
    }
}
