package dev.silkway.elastic.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The unified category tree (a few hundred rows) cached by path, read again when a path is new: a
 * product's category and its ancestors with their ids and names in the three languages.
 */
final class CategoryLineage {

    /** A category with its names in the three languages. */
    record Category(
            long id, String nameRu, String nameEn, @Nullable String nameZh) {}

    private volatile Map<String, Category> categories = Map.of();

    /** The category and its ancestors, root first, from the paths of the (small, cached) category tree. */
    List<Category> of(Connection connection, String path) throws SQLException {
        List<Category> lineage = new ArrayList<>();
        int end = -1;
        do {
            end = path.indexOf('/', end + 1);
            String prefix = end < 0 ? path : path.substring(0, end);
            Category category = categories.get(prefix);
            if (category == null) {
                categories = readCategories(connection);
                category = categories.get(prefix);
            }
            if (category != null) {
                lineage.add(category);
            }
        } while (end >= 0);
        return lineage;
    }

    private static Map<String, Category> readCategories(Connection connection) throws SQLException {
        Map<String, Category> categories = new HashMap<>();
        try (PreparedStatement statement =
                        connection.prepareStatement("SELECT id, path, name_ru, name_en, name_zh FROM categories");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                categories.put(
                        rows.getString("path"),
                        new Category(
                                rows.getLong("id"),
                                rows.getString("name_ru"),
                                rows.getString("name_en"),
                                rows.getString("name_zh")));
            }
        }
        return Map.copyOf(categories);
    }
}
