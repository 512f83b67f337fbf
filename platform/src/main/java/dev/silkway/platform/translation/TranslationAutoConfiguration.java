package dev.silkway.platform.translation;

import dev.silkway.platform.pacing.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
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
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        TranslationProperties.Retry retry = properties.retry();
        RetryTemplate retries = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(retry.maxAttempts() - 1)
                .delay(retry.initialBackoff())
                .maxDelay(retry.maxBackoff())
                .multiplier(retry.multiplier())
                .jitter(retry.initialBackoff().dividedBy(2))
                .predicate(e -> e instanceof TranslationFailed failed && failed.retryable())
                .build());
        YandexTranslateClient client = new YandexTranslateClient(
                properties,
                new BoundedHttp(http, properties.provider(), properties.deadline(), properties.maxAnswerBytes()),
                RateLimiter.create(properties.requestsPerSecond(), 1),
                retries,
                json);
        CharacterBudget budget = new CharacterBudget(
                jdbc, own, properties.provider(), properties.dailyCharacterBudget(), Clock.systemUTC(), meters);
        return new Translator(properties, new TranslationMemory(jdbc, own), budget, glossary, client);
    }
}
