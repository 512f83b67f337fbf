package dev.silkway.ingestion.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.testsupport.SandboxProcess;
import dev.silkway.testsupport.ServiceProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MarketplaceIngestionIT {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "ingestion-e2e");
        ServiceProperties.kafka(registry);
        registry.add("silkway.sandbox.url", () -> SandboxProcess.shared().url());
        registry.add("silkway.ingestion.ingest-on-startup", () -> "false");
        // The runs here are started by the test; the hourly schedules (Poizon at :36, ...) would otherwise
        // fire in the middle of it and take the feed's run first (the clean-clone CI saw it at 11:36:00).
        registry.add("spring.quartz.auto-startup", () -> "false");
        registry.add("silkway.ingestion.raw-topic", () -> "silkway.raw-offers.e2e");
        registry.add("silkway.ingestion.chunk-size", () -> "100");
        registry.add("silkway.ingestion.vacuum-after-written", () -> "100");
        for (String m : List.of("taobao", "jd", "alibaba1688", "poizon", "pinduoduo")) {
            registry.add("silkway.marketplaces." + m + ".transport.rate-limit-per-second", () -> "500");
        }
    }

    @Autowired
    IngestionRuns runs;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ingestsEveryMarketplaceFromTheSandboxThroughKafkaIntoTheCatalogue() {
        for (String feed : List.of("taobao", "jd", "1688", "poizon", "pinduoduo")) {
            JobExecution execution = runs.runAndWait(feed, "MANUAL").orElseThrow();
            assertThat(execution.getStatus())
                    .as(feed + ": " + execution.getAllFailureExceptions())
                    .isEqualTo(BatchStatus.COMPLETED);
            long products = count("SELECT count(*) FROM products WHERE marketplace_code = ?", feed);
            long quarantined = count(
                    "SELECT count(*) FROM quarantined_records WHERE marketplace_code = ? AND job_execution_id = ?",
                    feed,
                    execution.getId());
            Map<String, Object> stats = jdbc.queryForMap(
                    "SELECT * FROM ingestion_step_stats WHERE job_execution_id = ? AND step_name = 'normalize'",
                    execution.getId());
            assertThat(products).as(feed + " products").isGreaterThan(SandboxProcess.PRODUCTS * 8 / 10);
            assertThat(products + quarantined).as(feed).isGreaterThanOrEqualTo(SandboxProcess.PRODUCTS);
            assertThat(stats.get("written_count")).isEqualTo(products);
            assertThat(stats.get("quarantined_count")).isEqualTo(quarantined);
            assertThat(count(
                            "SELECT count(*) FROM outbox_events WHERE aggregate_type = 'product'"
                                    + " AND payload->>'marketplace' = ? AND payload->>'created' = 'true'",
                            feed))
                    .isEqualTo(products);
            assertThat(count(
                            "SELECT count(*) FROM products p WHERE p.marketplace_code = ? AND NOT EXISTS"
                                    + " (SELECT 1 FROM product_attributes a WHERE a.product_id = p.id)",
                            feed))
                    .as(feed + " products without attributes")
                    .isZero();
        }
        assertThat(count(
                        "SELECT count(*) FROM skus s LEFT JOIN sku_prices p ON p.sku_id = s.id WHERE p.sku_id IS NULL"))
                .isZero();
        assertThat(count("SELECT min(vacuum_count) FROM pg_stat_user_tables WHERE relname IN"
                        + " ('products', 'skus', 'sku_prices', 'sku_stock', 'outbox_events')"))
                .as("a step that wrote at least vacuum-after-written products vacuumed the catalogue tables")
                .isPositive();
        assertThat(count("SELECT count(*) FROM sku_price_history")).isEqualTo(count("SELECT count(*) FROM sku_prices"));
        assertThat(count("SELECT count(*) FROM products p JOIN marketplace_categories mc"
                        + " ON mc.id = p.marketplace_category_id JOIN categories c ON c.id = mc.category_id"
                        + " WHERE p.category_id = c.id"))
                .as("products in the unified category their marketplace category maps onto")
                .isPositive();
        assertThat(count("SELECT count(*) FROM products p JOIN categories c ON c.id = p.category_id"
                        + " WHERE c.code = 'unsorted'"))
                .as("the unsorted products are those whose marketplace category maps nowhere")
                .isEqualTo(count("SELECT count(*) FROM products p LEFT JOIN marketplace_categories mc"
                        + " ON mc.id = p.marketplace_category_id WHERE mc.category_id IS NULL"));
        assertThat(count("SELECT count(*) FROM products p JOIN marketplace_categories mc"
                        + " ON mc.id = p.marketplace_category_id WHERE mc.category_id IS NOT NULL"
                        + " AND p.category_id <> mc.category_id"))
                .isZero();
    }

    @Test
    void ingestingTheSameRecordsAgainChangesNothing() {
        JobExecution first = runs.runAndWait("pinduoduo", "MANUAL").orElseThrow();
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long events = count("SELECT count(*) FROM outbox_events");
        long history = count("SELECT count(*) FROM sku_price_history");
        Object versions = jdbc.queryForObject("SELECT sum(version) FROM products", Object.class);

        JobExecution second = runs.runAndWait("pinduoduo", "MANUAL").orElseThrow();

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> stats = jdbc.queryForMap(
                "SELECT * FROM ingestion_step_stats WHERE job_execution_id = ? AND step_name = 'normalize'",
                second.getId());
        assertThat(stats.get("written_count")).isEqualTo(0L);
        assertThat((Long) stats.get("unchanged_count")).isPositive();
        assertThat(count("SELECT count(*) FROM outbox_events")).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM sku_price_history")).isEqualTo(history);
        assertThat(jdbc.queryForObject("SELECT sum(version) FROM products", Object.class))
                .isEqualTo(versions);
    }

    @Test
    void aSecondRunOfAFeedWhileOneIsRunningIsRefused() {
        long runId = jdbc.queryForObject(
                "INSERT INTO ingestion_fetch_runs (marketplace_code, trigger) VALUES ('jd', 'MANUAL') RETURNING id",
                Long.class);
        try {
            assertThat(runs.runAndWait("jd", "SCHEDULE")).isEmpty();
            assertThat(runs.start("jd", "MANUAL")).isEmpty();
        } finally {
            jdbc.update(
                    "UPDATE ingestion_fetch_runs SET status = 'ABANDONED', finished_at = now() WHERE id = ?", runId);
        }
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
