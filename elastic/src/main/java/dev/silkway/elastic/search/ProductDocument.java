package dev.silkway.elastic.search;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A product as the index holds it, read from PostgreSQL: its id, its version (the external version
 * of the index operation) and either the document (visible products) or null (a product that must
 * leave the index: hidden, pending moderation, removed, or gone from the database).
 */
public record ProductDocument(
        long productId, long version, @Nullable Map<String, Object> source) {

    public boolean searchable() {
        return source != null;
    }

    public String id() {
        return Long.toString(productId);
    }
}
