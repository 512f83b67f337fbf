package dev.silkway.drill;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh database on the cluster, migrated by the project's real Flyway migrations through HAProxy,
 * and the Spring context the drill reads it with afterwards (which registrations the primary holds).
 */
final class DrillDatabase implements AutoCloseable {

    static final String NAME = "failover_drill";

    private final ConfigurableApplicationContext context;

    private DrillDatabase(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Drops and creates {@value #NAME} (owned by the application's user), then migrates it. */
    static DrillDatabase create(Map<String, String> clusterEnv, int primaryPort) {
        String user = clusterEnv.get("SPRING_DATASOURCE_USERNAME");
        recreate(primaryPort, clusterEnv.get("SILKWAY_HA_SUPERUSER_PASSWORD"), user);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", url(primaryPort, NAME) + "&targetServerType=primary&socketTimeout=10");
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", clusterEnv.get("SPRING_DATASOURCE_PASSWORD"));
        properties.put("spring.datasource.hikari.maximum-pool-size", 2);
        properties.put("spring.flyway.enabled", true);
        properties.put(
                "spring.autoconfigure.exclude", "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration");
        properties.put("silkway.outbox.relay-enabled", false);
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", false);
        // As arguments: they outrank the shared defaults that every Silkway application carries.
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DrillApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments);
        return new DrillDatabase(context);
    }

    private static String url(int primaryPort, String database) {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/" + database + "?connectTimeout=2";
    }

    private static void recreate(int primaryPort, String superuserPassword, String owner) {
        try (Connection connection =
                        DriverManager.getConnection(url(primaryPort, "postgres"), "postgres", superuserPassword);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + NAME + " OWNER " + owner);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the drill database: " + e.getMessage(), e);
        }
    }

    JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    /** The PostgreSQL server version the migrations ran on, e.g. 15.14. */
    String serverVersion() {
        return jdbc().sql("SHOW server_version").query(String.class).single();
    }

    int migrations() {
        return jdbc().sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                .query(Integer.class)
                .single();
    }

    @Override
    public void close() {
        context.close();
    }
}
