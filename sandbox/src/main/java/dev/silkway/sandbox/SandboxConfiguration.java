package dev.silkway.sandbox;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
