package dev.silkway.storefront.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code GET /api/v1/categories}: the unified tree, each node with the visible products of its whole subtree. */
@Component
class CategoryCounts {

    private final JdbcClient jdbc;
    private final CategoryTree tree;

    CategoryCounts(JdbcClient jdbc, CategoryTree tree) {
        this.jdbc = jdbc;
        this.tree = tree;
    }

    record Node(
            String code,
            String path,
            String name,
            String nameEn,
            @Nullable String nameZh,
            long productCount,
            List<Node> children) {}

    List<Node> tree() {
        Map<Long, Long> own = new HashMap<>();
        jdbc.sql("SELECT category_id, count(*) FROM products WHERE status = 'VISIBLE' GROUP BY category_id")
                .query((rs, n) -> own.put(rs.getLong(1), rs.getLong(2)))
                .list();
        List<CategoryTree.Category> all = tree.all();
        Map<Long, List<CategoryTree.Category>> children = new HashMap<>();
        List<CategoryTree.Category> roots = new ArrayList<>();
        for (CategoryTree.Category c : all) {
            if (c.parentId() == null) {
                roots.add(c);
            } else {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            }
        }
        return roots.stream().map(r -> node(r, children, own)).toList();
    }

    private Node node(
            CategoryTree.Category category, Map<Long, List<CategoryTree.Category>> children, Map<Long, Long> own) {
        List<Node> kids = children.getOrDefault(category.id(), List.of()).stream()
                .sorted(java.util.Comparator.comparingInt(CategoryTree.Category::sortOrder)
                        .thenComparing(CategoryTree.Category::code))
                .map(c -> node(c, children, own))
                .toList();
        long count = own.getOrDefault(category.id(), 0L)
                + kids.stream().mapToLong(Node::productCount).sum();
        return new Node(
                category.code(), category.path(), category.nameRu(), category.nameEn(), category.nameZh(), count, kids);
    }
}
