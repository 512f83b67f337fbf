package dev.silkway.elastic.product;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import co.elastic.clients.elasticsearch.indices.GetMappingResponse;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product index: {@code products_v<version>} created from the versioned definition
 * {@code elastic/products-v<version>.json} and reached through the alias {@code products}, so a
 * full reindex builds a new index and swaps the alias without the readers noticing. Each definition
 * records its version in the mapping's {@code _meta.definition}, so that an application can tell
 * that the alias still points at an index of an older definition ({@link #aliasedDefinition}).
 *
 * <p>Russian titles go through Debian's {@code hunspell-ru} dictionary, which every node must have
 * in {@code config/hunspell/ru_RU/}. On a node without it the index is created with that one filter
 * left out (Snowball alone, weaker on genitive plurals), and a warning says so.
 */
public final class ProductIndex {

    public static final String ALIAS = "products";
    public static final int VERSION = 2;

    private static final Logger log = LoggerFactory.getLogger(ProductIndex.class);
    private static final String HUNSPELL =
            "\"ru_hunspell\": {\"type\": \"hunspell\", \"locale\": \"ru_RU\", \"dedup\": true}";
    private static final String WITHOUT_HUNSPELL = "\"ru_hunspell\": {\"type\": \"lowercase\"}";

    private final ElasticsearchClient client;

    public ProductIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** The current version's index name, {@code products_v2}. */
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

    /** The definition for a node without the Russian hunspell dictionary: its filter does nothing. */
    static String definitionWithoutHunspell() {
        String definition = definition();
        if (!definition.contains(HUNSPELL)) {
            throw new IllegalStateException("The index definition no longer declares " + HUNSPELL);
        }
        return definition.replace(HUNSPELL, WITHOUT_HUNSPELL);
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
            create(name(), true);
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
        create(index, false);
    }

    /**
     * The definition version of the index behind the alias ({@code _meta.definition}; 1 for the
     * first definition, which had none), or 0 when there is no alias.
     */
    public int aliasedDefinition() throws IOException {
        if (!client.indices().existsAlias(r -> r.name(ALIAS)).value()) {
            return 0;
        }
        GetMappingResponse mappings = client.indices().getMapping(r -> r.index(ALIAS));
        int oldest = Integer.MAX_VALUE;
        for (var mapping : mappings.mappings().values()) {
            Map<String, JsonData> meta = mapping.mappings().meta();
            JsonData definition = meta == null ? null : meta.get("definition");
            oldest = Math.min(oldest, definition == null ? 1 : definition.to(Integer.class));
        }
        return oldest == Integer.MAX_VALUE ? 0 : oldest;
    }

    /**
     * Lets the index behind the alias, if of an older definition, take the current definition's
     * documents until a reindex replaces it: each top-level field it lacks is added as a field kept in
     * {@code _source} only (not searchable there), since its mapping is strict. Returns the fields added.
     */
    public Set<String> acceptNewFields() throws IOException {
        Set<String> current = CreateIndexRequest.of(r -> r.index(name()).withJson(new StringReader(definition())))
                .mappings()
                .properties()
                .keySet();
        Set<String> added = new TreeSet<>();
        GetMappingResponse mappings = client.indices().getMapping(r -> r.index(ALIAS));
        for (Map.Entry<String, IndexMappingRecord> index : mappings.mappings().entrySet()) {
            Set<String> missing = new TreeSet<>(current);
            missing.removeAll(index.getValue().mappings().properties().keySet());
            if (missing.isEmpty()) {
                continue;
            }
            Map<String, Property> stored = new LinkedHashMap<>();
            missing.forEach(field -> stored.put(field, Property.of(p -> p.object(o -> o.enabled(false)))));
            client.indices().putMapping(r -> r.index(index.getKey()).properties(stored));
            added.addAll(missing);
        }
        return added;
    }

    private void create(String index, boolean withAlias) throws IOException {
        try {
            create(index, withAlias, definition());
        } catch (ElasticsearchException e) {
            if (!missingDictionary(e)) {
                throw e;
            }
            log.warn(
                    "The Elasticsearch node has no hunspell dictionary ru_RU (Debian's hunspell-ru in"
                            + " config/hunspell/ru_RU/): {} is created without it, Russian words are stemmed by"
                            + " Snowball alone",
                    index);
            create(index, withAlias, definitionWithoutHunspell());
        }
    }

    private void create(String index, boolean withAlias, String definition) throws IOException {
        client.indices().create(r -> {
            r.index(index).withJson(new StringReader(definition));
            if (withAlias) {
                r.aliases(ALIAS, a -> a.isWriteIndex(true));
            }
            return r;
        });
    }

    private static boolean missingDictionary(ElasticsearchException e) {
        String reason = String.valueOf(e.error().reason()) + e.getMessage();
        return reason.contains("hunspell") || reason.contains("ru_RU");
    }
}
