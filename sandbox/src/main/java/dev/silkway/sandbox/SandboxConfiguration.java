package dev.silkway.sandbox;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock of every simulator, and scheduling (the payment simulators expire what is overdue). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SandboxConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
