package dev.silkway.storefront;

import dev.silkway.testsupport.ActuatorProbe;
import dev.silkway.testsupport.ServiceProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "silkway.admin.email=health.admin@silkway.example",
            "silkway.admin.password=" + StorefrontApplicationIT.ADMIN_PASSWORD
        })
class StorefrontApplicationIT {

    static final String ADMIN_PASSWORD = "Health-Admin-Only-For-This-Test-3";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.all(registry, "storefront");
    }

    @LocalServerPort
    int port;

    @Test
    void startsAndReportsEveryServiceItUsesAsUpToAnAdmin() {
        var admin = Shoppers.signIn(new Api(port), "health.admin@silkway.example", ADMIN_PASSWORD);

        new ActuatorProbe(port)
                .withToken(admin.accessToken())
                .assertHealthy("db", "databaseRole", "kafka", "elasticsearch");
    }

    @Test
    void answersOnlyItsHealthStatusWithoutACredential() {
        new ActuatorProbe(port).assertHealthShowsOnlyItsStatus();
    }

    @Test
    void servesPrometheusMetrics() {
        new ActuatorProbe(port).assertPrometheusScrapes();
    }
}
