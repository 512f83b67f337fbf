package dev.silkway.platform.database;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** Adds the {@code databaseRole} health component to every application with a database. */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnClass({JdbcTemplate.class, HealthIndicator.class})
@ConditionalOnBean(JdbcTemplate.class)
public class DatabaseRoleHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "databaseRoleHealthIndicator")
    HealthIndicator databaseRoleHealthIndicator(JdbcTemplate jdbc) {
        return new DatabaseRoleHealthIndicator(jdbc);
    }
}
