package dev.silkway.indexer.reindex;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code search_reindex_runs}: one RUNNING run per alias at most (a unique index says so). */
@Component
class ReindexRuns {

    private static final String COLUMNS = """
            id, alias, target_index, status, total_products, indexed_count, failed_count, last_product_id,
            error_message, started_at, heartbeat_at, finished_at
            """;

    private final JdbcClient jdbc;

    ReindexRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts a run unless one is already running; a run without heartbeat for {@code stale} is failed first. */
    Optional<ReindexRun> start(String alias, String targetIndex, long totalProducts, Duration stale) {
        jdbc.sql("""
                UPDATE search_reindex_runs SET status = 'FAILED', finished_at = now(),
                       error_message = 'no heartbeat: the instance running it stopped'
                WHERE alias = :alias AND status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => :stale)
                """)
                .param("alias", alias)
                .param("stale", (double) stale.toSeconds())
                .update();
        try {
            long id = jdbc.sql("""
                    INSERT INTO search_reindex_runs (alias, target_index, total_products)
                    VALUES (:alias, :target, :total) RETURNING id
                    """)
                    .param("alias", alias)
                    .param("target", targetIndex)
                    .param("total", totalProducts)
                    .query(Long.class)
                    .single();
            return find(id);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    Optional<ReindexRun> running(String alias) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM search_reindex_runs WHERE alias = :alias AND status = 'RUNNING'")
                .param("alias", alias)
                .query(ReindexRuns::map)
                .optional();
    }

    Optional<ReindexRun> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM search_reindex_runs WHERE id = :id")
                .param("id", id)
                .query(ReindexRuns::map)
                .optional();
    }

    private static ReindexRun map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ReindexRun(
                rs.getLong("id"),
                rs.getString("alias"),
                rs.getString("target_index"),
                rs.getString("status"),
                rs.getObject("total_products", Long.class),
                rs.getLong("indexed_count"),
                rs.getLong("failed_count"),
                rs.getObject("last_product_id", Long.class),
                rs.getString("error_message"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("heartbeat_at").toInstant(),
                rs.getTimestamp("finished_at") == null
                        ? null
                        : rs.getTimestamp("finished_at").toInstant());
    }

    void progress(long id, int indexed, int failed, long lastProductId) {
        jdbc.sql("""
                UPDATE search_reindex_runs
                SET indexed_count = indexed_count + :indexed, failed_count = failed_count + :failed,
                    last_product_id = :last, heartbeat_at = now()
                WHERE id = :id
                """)
                .param("id", id)
                .param("indexed", indexed)
                .param("failed", failed)
                .param("last", lastProductId)
                .update();
    }

    void finish(long id, String status, @Nullable String error) {
        jdbc.sql("""
                UPDATE search_reindex_runs SET status = :status, error_message = :error, finished_at = now(),
                       heartbeat_at = now()
                WHERE id = :id
                """)
                .param("id", id)
                .param("status", status)
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 4000)))
                .update();
    }
}
