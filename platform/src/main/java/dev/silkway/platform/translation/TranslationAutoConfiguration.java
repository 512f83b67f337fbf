package dev.silkway.platform.translation;

import dev.silkway.platform.outbound.OutboundHttp;
import dev.silkway.platform.pacing.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The translator, its memory, budget and glossary, in every application with a database that does not switch it off
 * ({@code silkway.translation.enabled=false} keeps the glossary and the memory but sends nothing).
 */
@AutoConfiguration(after = JdbcClientAutoConfiguration.class)
@ConditionalOnBean(JdbcClient.class)
@ConditionalOnProperty(name = "silkway.translation.base-url")
@EnableConfigurationProperties(TranslationProperties.class)
public class TranslationAutoConfiguration {

    @Bean
    Glossary glossary(JdbcClient jdbc) {
        return new Glossary(jdbc);
    }

    @Bean
    Translator translator(
            TranslationProperties properties,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Glossary glossary,
            ObjectMapper json,
            MeterRegistry meters) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        YandexTranslateClient client = new YandexTranslateClient(
                properties,
                OutboundHttp.create(properties.connectTimeout()),
                RateLimiter.create(properties.requestsPerSecond(), 1),
                YandexTranslateClient.retry(properties),
                json);
        CharacterBudget budget = new CharacterBudget(
                jdbc, own, properties.provider(), properties.dailyCharacterBudget(), Clock.systemUTC(), meters);
        return new Translator(properties, new TranslationMemory(jdbc, own), budget, glossary, client);
    }
}
