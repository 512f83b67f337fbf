package dev.silkway.tracking;

import dev.silkway.testsupport.ActuatorProbe;
import dev.silkway.testsupport.OpenApiDocument;
import dev.silkway.testsupport.ServiceProperties;
import dev.silkway.testsupport.StaffTokens;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrackingPollerApplicationIT {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "tracking");
        ServiceProperties.kafka(registry);
        StaffTokens.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource database;

    @Test
    void startsAndReportsEveryServiceItUsesAsUpToAnOperator() {
        new ActuatorProbe(port)
                .withToken(StaffTokens.forNewAccount(database, "OPERATOR"))
                .assertHealthy("db", "databaseRole", "kafka");
    }

    @Test
    void answersOnlyItsHealthStatusWithoutACredential() {
        new ActuatorProbe(port).assertHealthShowsOnlyItsStatus();
    }

    @Test
    void servesItsOpenApiDocument() {
        OpenApiDocument.saveAndCheck(port, "tracking-poller");
    }

    @Test
    void servesPrometheusMetrics() {
        new ActuatorProbe(port).assertPrometheusScrapes();
    }
}
