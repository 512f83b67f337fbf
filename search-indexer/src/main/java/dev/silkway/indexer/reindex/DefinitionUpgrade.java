package dev.silkway.indexer.reindex;

import dev.silkway.elastic.product.ProductIndex;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Moves the {@code products} alias onto the current index definition: when the alias points at an
 * index of an older definition (e.g. {@code products_v1} after an upgrade to the definition of
 * {@code products_v2}), a full reindex starts in the background at start-up and swaps the alias
 * when done; the storefront keeps searching the old index meanwhile, and the old index first learns
 * the new fields (kept in {@code _source} only), so that the changes written to it meanwhile are not
 * refused by its strict mapping. Nothing happens when another instance is already reindexing or the
 * index is current.
 */
@Component
class DefinitionUpgrade implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefinitionUpgrade.class);

    private final ProductIndex index;
    private final Reindexer reindexer;

    DefinitionUpgrade(ProductIndex index, Reindexer reindexer) {
        this.index = index;
        this.reindexer = reindexer;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("reindex")) {
            return;
        }
        try {
            int aliased = index.aliasedDefinition();
            if (aliased == 0 || aliased >= ProductIndex.VERSION) {
                return;
            }
            Set<String> added = index.acceptNewFields();
            if (!added.isEmpty()) {
                log.info(
                        "The index behind {} keeps the new fields {} in _source until the reindex",
                        ProductIndex.ALIAS,
                        added);
            }
            reindexer
                    .start()
                    .ifPresent(started -> log.info(
                            "The alias {} points at an index of definition {}: reindexing into {} (definition {}), run {}",
                            ProductIndex.ALIAS,
                            aliased,
                            started.run().targetIndex(),
                            ProductIndex.VERSION,
                            started.run().id()));
        } catch (Exception e) {
            log.warn(
                    "Could not check the product index's definition now ({}); POST /api/v1/ops/search/reindex moves it",
                    e.toString());
        }
    }
}
