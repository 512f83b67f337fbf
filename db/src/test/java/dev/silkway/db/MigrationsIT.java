package dev.silkway.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.TestDatabases;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class MigrationsIT {

    private static DataSource dataSource;
    private static MigrateResult firstRun;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        dataSource = Services.postgres().dataSource(TestDatabases.empty("migrations"));
        firstRun = flyway().migrate();
    }

    private static Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }

    @Test
    void migratesAnEmptyDatabaseToTheLatestVersion() {
        Flyway flyway = flyway();

        assertThat(firstRun.success).isTrue();
        assertThat(firstRun.migrationsExecuted).isEqualTo(flyway.info().all().length);
        assertThat(firstRun.targetSchemaVersion)
                .isEqualTo(flyway.info().current().getVersion().getVersion());
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void migratingAgainChangesNothing() {
        Flyway flyway = flyway();

        MigrateResult secondRun = flyway.migrate();

        assertThat(secondRun.success).isTrue();
        assertThat(secondRun.migrationsExecuted).isZero();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void createsTheTablesOfEveryFeatureAndOfSpringBatchAndQuartz() {
        assertThat(new JdbcTemplate(dataSource)
                        .queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", String.class))
                .contains(
                        "users",
                        "refresh_tokens",
                        "login_attempts",
                        "addresses",
                        "marketplaces",
                        "categories",
                        "marketplace_categories",
                        "products",
                        "skus",
                        "sku_prices",
                        "sku_price_history",
                        "sku_stock_history",
                        "exchange_rates",
                        "carts",
                        "orders",
                        "order_lines",
                        "order_status_history",
                        "payments",
                        "refunds",
                        "payment_webhook_events",
                        "shipments",
                        "shipment_legs",
                        "tracking_events",
                        "returns",
                        "support_tickets",
                        "support_messages",
                        "product_reviews",
                        "marketplace_ratings",
                        "notification_preferences",
                        "push_subscriptions",
                        "notifications",
                        "promotions",
                        "discount_alerts",
                        "outbox_events",
                        "quarantined_records",
                        "search_dead_letters",
                        "audit_log",
                        "batch_job_instance",
                        "batch_step_execution_context",
                        "qrtz_triggers",
                        "qrtz_locks");
    }
}
