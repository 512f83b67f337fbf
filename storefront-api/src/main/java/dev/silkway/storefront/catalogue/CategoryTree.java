package dev.silkway.storefront.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The unified category tree (a few hundred rows), cached: codes to paths for filters, ids to codes for facets. */
@Component
class CategoryTree {

    private final JdbcClient jdbc;
    private final CatalogueProperties properties;
    private volatile @Nullable Snapshot snapshot;

    CategoryTree(JdbcClient jdbc, CatalogueProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    record Category(
            long id,
            String code,
            @Nullable Long parentId,
            String path,
            String nameRu,
            String nameEn,
            @Nullable String nameZh,
            int sortOrder) {

        /** The name in the shopper's language; Chinese falls back to English where the tree has none. */
        String name(ShopperLanguage language) {
            return switch (language) {
                case RU -> nameRu;
                case EN -> nameEn;
                case ZH -> nameZh == null ? nameEn : nameZh;
            };
        }

        int depth() {
            return (int) path.chars().filter(c -> c == '/').count();
        }
    }

    List<Category> all() {
        return current().all;
    }

    Optional<Category> byCode(String code) {
        return Optional.ofNullable(current().byCode.get(code));
    }

    Optional<Category> byId(String id) {
        return Optional.ofNullable(current().byId.get(id));
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current != null && now - current.at < properties.cacheTtl().toNanos()) {
            return current;
        }
        List<Category> all = jdbc.sql("""
                SELECT id, code, parent_id, path, name_ru, name_en, name_zh, sort_order
                FROM categories ORDER BY depth, sort_order, code
                """).query(Category.class).list();
        Map<String, Category> byCode = new HashMap<>();
        Map<String, Category> byId = new HashMap<>();
        all.forEach(c -> {
            byCode.put(c.code(), c);
            byId.put(Long.toString(c.id()), c);
        });
        Snapshot fresh = new Snapshot(all, Map.copyOf(byCode), Map.copyOf(byId), now);
        snapshot = fresh;
        return fresh;
    }

    private record Snapshot(List<Category> all, Map<String, Category> byCode, Map<String, Category> byId, long at) {}
}
