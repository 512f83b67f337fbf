package dev.silkway.drill;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The small Spring Boot context that migrates the drill's database with the project's Flyway
 * migrations and reads it afterwards, all from auto-configuration. The writes go through the storefront.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class DrillApplication {}
