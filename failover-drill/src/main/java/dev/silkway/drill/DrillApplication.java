package dev.silkway.drill;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The small Spring Boot context the drill writes through: the datasource, Flyway with the project's
 * migrations, and the platform's {@code RetryingTransactions}, all from auto-configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class DrillApplication {}
