package dev.silkway.elastic.product;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The product index: {@code products_v<version>} created from the versioned definition
 * {@code elastic/products-v<version>.json} and reached through the alias {@code products}, so a
 * full reindex builds a new index and swaps the alias without the readers noticing.
 */
public final class ProductIndex {

    public static final String ALIAS = "products";
    public static final int VERSION = 1;

    private final ElasticsearchClient client;

    public ProductIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** The current version's index name, {@code products_v1}. */
    public static String name() {
        return ALIAS + "_v" + VERSION;
    }

    /** The index settings and mappings as JSON, as the {@code create index} API takes them. */
    public static String definition() {
        String resource = "/elastic/products-v" + VERSION + ".json";
        try (InputStream in = ProductIndex.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing index definition " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates the current version's index with the alias pointing at it, unless the alias exists.
     * Safe to call from several applications at once.
     *
     * @return true when this call created the index or the alias
     */
    public boolean createIfMissing() throws IOException {
        if (client.indices().existsAlias(r -> r.name(ALIAS)).value()) {
            return false;
        }
        if (client.indices().exists(r -> r.index(name())).value()) {
            client.indices().putAlias(r -> r.index(name()).name(ALIAS).isWriteIndex(true));
            return true;
        }
        try {
            client.indices()
                    .create(r -> r.index(name())
                            .withJson(new StringReader(definition()))
                            .aliases(ALIAS, a -> a.isWriteIndex(true)));
            return true;
        } catch (ElasticsearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                return false;
            }
            throw e;
        }
    }

    /** Creates an index with this definition and no alias: the target of a full reindex. */
    public void create(String index) throws IOException {
        client.indices().create(r -> r.index(index).withJson(new StringReader(definition())));
    }
}
