package dev.silkway.indexer.indexing;

import dev.silkway.elastic.product.ProductIndex;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where product changes go: the alias, plus the index a running full reindex is building (so the new
 * index misses no change made while it is built; external versions keep the two writers in order).
 */
@Component
public class WriteTargets {

    private final JdbcClient jdbc;

    WriteTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> current() {
        List<String> targets = new ArrayList<>();
        targets.add(ProductIndex.ALIAS);
        targets.addAll(
                jdbc.sql("SELECT target_index FROM search_reindex_runs WHERE status = 'RUNNING' AND alias = :alias")
                        .param("alias", ProductIndex.ALIAS)
                        .query(String.class)
                        .list());
        return targets;
    }
}
