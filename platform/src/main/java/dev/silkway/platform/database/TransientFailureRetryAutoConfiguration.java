package dev.silkway.platform.database;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * {@link RetryingTransactions} for every application with a database. Defaults: up to 12 attempts
 * within 15 s, back-off from 50 ms doubling to 1 s (a Patroni failover takes a few seconds; a lost
 * leader key up to the 10 s TTL).
 */
@AutoConfiguration(after = TransactionAutoConfiguration.class)
@ConditionalOnBean(TransactionTemplate.class)
@EnableConfigurationProperties(TransientFailureRetryAutoConfiguration.RetryProperties.class)
public class TransientFailureRetryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TransientFailureRetry transientFailureRetry(RetryProperties properties) {
        return new TransientFailureRetry(
                properties.maxAttempts(),
                properties.initialBackOff(),
                properties.maxBackOff(),
                properties.timeBudget());
    }

    @Bean
    @ConditionalOnMissingBean
    RetryingTransactions retryingTransactions(TransactionTemplate transactions, TransientFailureRetry retry) {
        return new RetryingTransactions(transactions, retry);
    }

    /** Bounds of the retry of transient database failures ({@code silkway.database.retry.*}). */
    @Validated
    @ConfigurationProperties("silkway.database.retry")
    record RetryProperties(
            @DefaultValue("12") @Min(1) int maxAttempts,
            @DefaultValue("50ms") Duration initialBackOff,
            @DefaultValue("1s") Duration maxBackOff,
            @DefaultValue("15s") Duration timeBudget) {}
}
