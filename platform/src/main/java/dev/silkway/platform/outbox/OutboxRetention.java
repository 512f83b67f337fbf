package dev.silkway.platform.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/** Deletes published events once they are older than the retention period. */
class OutboxRetention {

    private final JdbcClient jdbc;
    private final OutboxProperties properties;

    OutboxRetention(JdbcClient jdbc, OutboxProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    int purge() {
        return jdbc.sql("DELETE FROM outbox_events WHERE published_at < now() - make_interval(secs => :seconds)")
                .param("seconds", properties.retention().toSeconds())
                .update();
    }
}
