package dev.silkway.indexer.indexing;

import dev.silkway.elastic.search.ProductDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Documents Elasticsearch refused, with the reason: kept in {@code search_dead_letters}, not retried. */
@Component
public class DeadLetters {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DeadLetters(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(String index, ProductDocument document, @Nullable String errorType, String reason, int httpStatus) {
        jdbc.sql("""
                INSERT INTO search_dead_letters
                    (index_name, product_id, product_version, operation, error_type, reason, http_status, document)
                SELECT :index, p.id, :version, :operation, :type, :reason, :status, CAST(:document AS jsonb)
                FROM products p WHERE p.id = :product
                ON CONFLICT (index_name, product_id, product_version, operation)
                DO UPDATE SET attempts = search_dead_letters.attempts + 1, reason = EXCLUDED.reason
                """)
                .param("index", index)
                .param("product", document.productId())
                .param("version", document.version())
                .param("operation", document.searchable() ? "INDEX" : "DELETE")
                .param("type", errorType == null ? null : truncate(errorType, 200))
                .param("reason", truncate(reason.isBlank() ? "rejected" : reason, 4000))
                .param("status", httpStatus)
                .param("document", document.source() == null ? null : json.writeValueAsString(document.source()))
                .update();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
