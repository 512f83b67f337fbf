package dev.silkway.tracking;

import dev.silkway.testsupport.ActuatorProbe;
import dev.silkway.testsupport.ServiceProperties;
import org.junit.jupiter.api.Test;
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
    }

    @LocalServerPort
    int port;

    @Test
    void startsAndReportsEveryServiceItUsesAsUp() {
        new ActuatorProbe(port).assertHealthy("db", "databaseRole", "kafka");
    }

    @Test
    void servesPrometheusMetrics() {
        new ActuatorProbe(port).assertPrometheusScrapes();
    }
}
