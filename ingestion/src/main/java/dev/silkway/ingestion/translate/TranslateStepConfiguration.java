package dev.silkway.ingestion.translate;

import dev.silkway.ingestion.catalogue.StepStats;
import dev.silkway.platform.translation.Translator;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code translate} step that {@code marketplaceIngestJob} runs after {@code normalize}. */
@Configuration(proxyBeanMethods = false)
class TranslateStepConfiguration {

    @Bean
    Step translateStep(JobRepository repository, PlatformTransactionManager transactions, TranslateTasklet tasklet) {
        return new StepBuilder("translate", repository)
                .tasklet(tasklet, transactions)
                .build();
    }

    @Bean
    @StepScope
    TranslateTasklet translateTasklet(
            PendingProducts pending,
            CatalogueTranslation translation,
            Translator translator,
            StepStats stats,
            @Value("#{jobParameters['feed']}") String feed) {
        return new TranslateTasklet(pending, translation, translator, stats, feed);
    }
}
