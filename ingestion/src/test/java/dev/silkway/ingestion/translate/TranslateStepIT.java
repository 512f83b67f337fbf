package dev.silkway.ingestion.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.ingestion.pipeline.IngestionRuns;
import dev.silkway.testsupport.SandboxProcess;
import dev.silkway.testsupport.SandboxTranslator;
import dev.silkway.testsupport.ServiceProperties;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The translate step of marketplaceIngestJob on the sandbox's catalogue and translator. */
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TranslateStepIT {

    private static final List<String> FEEDS = List.of("taobao", "jd", "1688", "poizon", "pinduoduo");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "ingestion-translate");
        ServiceProperties.kafka(registry);
        registry.add("silkway.sandbox.url", () -> SandboxProcess.shared().url());
        registry.add("silkway.ingestion.ingest-on-startup", () -> "false");
        registry.add("spring.quartz.auto-startup", () -> "false");
        registry.add("silkway.ingestion.raw-topic", () -> "silkway.raw-offers.translate");
        registry.add("silkway.translation.provider", () -> "translate-step-it");
        for (String m : List.of("taobao", "jd", "alibaba1688", "poizon", "pinduoduo")) {
            registry.add("silkway.marketplaces." + m + ".transport.rate-limit-per-second", () -> "500");
        }
    }

    @Autowired
    IngestionRuns runs;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void quietSandbox() {
        SandboxTranslator.faults(SandboxTranslator.NO_FAULTS);
    }

    @Test
    @Order(1)
    void givesTheDemoCatalogueRussianTitlesAndPublishesEveryTranslatedProductAgain() {
        for (String feed : FEEDS) {
            JobExecution execution = runs.runAndWait(feed, "MANUAL").orElseThrow();
            assertThat(execution.getStatus()).as(feed).isEqualTo(BatchStatus.COMPLETED);
        }
        long products = count("SELECT count(*) FROM products");
        long russian = count("SELECT count(*) FROM products WHERE title_ru IS NOT NULL");
        long fullyRussian = count("SELECT count(*) FROM products WHERE title_ru !~ '[\\u4e00-\\u9fff]'");
        System.out.printf(
                "translate: %d products, %d (%.1f%%) with a Russian title, %d (%.1f%%) without any Chinese left%n",
                products, russian, 100.0 * russian / products, fullyRussian, 100.0 * fullyRussian / products);
        assertThat((double) fullyRussian / products).isGreaterThanOrEqualTo(0.95);
        assertThat(count("SELECT count(*) FROM products WHERE title_en IS NULL"))
                .isZero();
        assertThat(count("SELECT count(*) FROM products WHERE title_ru IS NOT NULL"
                        + " AND title_ru_source_md5 IS DISTINCT FROM md5(title_original)"))
                .isZero();
        assertThat(count("SELECT count(DISTINCT e.aggregate_id) FROM outbox_events e"
                        + " JOIN products p ON p.id::text = e.aggregate_id"
                        + " WHERE e.aggregate_type = 'product' AND e.payload->>'created' = 'false'"
                        + " AND p.title_ru IS NOT NULL"))
                .as("every translated product published again after its creation (a learnt brand alias may publish"
                        + " some once more)")
                .isEqualTo(russian);
        assertThat(count("SELECT count(*) FROM skus WHERE attributes_ru IS NULL AND active"))
                .isZero();
        assertThat(count("SELECT count(*) FROM skus WHERE attributes_ru::text ~ '[\\u4e00-\\u9fff]'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM marketplace_categories WHERE name_ru IS NULL OR name_en IS NULL"))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT title_ru FROM products WHERE marketplace_code = 'taobao' AND title_original LIKE"
                                + " '%运动鞋%' AND title_ru IS NOT NULL ORDER BY id LIMIT 1",
                        String.class))
                .contains("кроссовки");
    }

    @Test
    @Order(2)
    void reingestingUnchangedTitlesMakesNoTranslationCall() {
        SandboxTranslator.resetUsage();

        for (String feed : FEEDS) {
            assertThat(runs.runAndWait(feed, "MANUAL").orElseThrow().getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
        }

        assertThat(SandboxTranslator.calls()).isZero();
    }

    @Test
    @Order(3)
    void translatesAgainFromTheMemoryWithoutCallingTheProvider() {
        jdbc.update("UPDATE products SET title_ru = NULL, title_ru_source_md5 = NULL WHERE marketplace_code = 'jd'");
        jdbc.update("UPDATE skus SET attributes_ru = NULL WHERE product_id IN"
                + " (SELECT id FROM products WHERE marketplace_code = 'jd')");
        SandboxTranslator.resetUsage();

        JobExecution execution = runs.runAndWait("jd", "MANUAL").orElseThrow();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(SandboxTranslator.calls()).isZero();
        assertThat(count("SELECT count(*) FROM products WHERE marketplace_code = 'jd' AND title_ru IS NULL"))
                .isZero();
    }

    @Test
    @Order(4)
    void leavesTheOriginalTitleAndTellsTheOperatorWhenTheDailyBudgetIsReached() {
        // As if the titles had changed: the feed's content hashes are unchanged, so normalize keeps these.
        jdbc.update("UPDATE products SET title_original = title_original || ' 新款' WHERE marketplace_code = 'poizon'");
        jdbc.update("""
                INSERT INTO translation_usage (provider, usage_day, characters) VALUES
                    ('translate-step-it', (now() AT TIME ZONE 'UTC')::date, 2000000)
                ON CONFLICT (provider, usage_day) DO UPDATE SET characters = 2000000
                """);
        SandboxTranslator.resetUsage();

        JobExecution execution = runs.runAndWait("poizon", "MANUAL").orElseThrow();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String message = jdbc.queryForObject(
                "SELECT exit_message FROM batch_step_execution WHERE job_execution_id = ? AND step_name = 'translate'",
                String.class,
                execution.getId());
        assertThat(message)
                .contains("Translation of poizon stopped short (BUDGET_EXHAUSTED)")
                .contains("keep their original title");
        assertThat(SandboxTranslator.calls()).isZero();
        assertThat(count("SELECT count(*) FROM products WHERE marketplace_code = 'poizon'"
                        + " AND title_ru_source_md5 = md5(title_original)"))
                .as("titles whose original changed wait for the translator; they keep the original meanwhile")
                .isZero();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
