package dev.silkway.ingestion.generic;

import dev.silkway.ingestion.config.FeedBounds;
import dev.silkway.ingestion.config.IngestionProperties;
import dev.silkway.ingestion.egress.FeedAddresses;
import dev.silkway.ingestion.feed.DeclaredFeeds;
import dev.silkway.ingestion.feed.FeedSource;
import dev.silkway.ingestion.marketplace.offer.Json;
import dev.silkway.platform.outbound.OutboundHttp;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The generic-JSON feeds operators declared, built from {@code marketplaces.feed_definition} and their decrypted
 * {@code feed_secret_enc}. The database is asked on every look-up (one indexed row), so a feed declared or changed
 * on any instance is seen at once; the built feed is reused while the row's {@code version} stays the same.
 */
@Component
class GenericFeeds implements DeclaredFeeds {

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;
    private final FeedBounds bounds;
    private final FeedAddresses addresses;
    // Redirects are never followed (OutboundHttp refuses them): a feed cannot send the request on to an address
    // that was not checked.
    private final OutboundHttp http = OutboundHttp.create(Duration.ofSeconds(10));
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    GenericFeeds(JdbcTemplate jdbc, SecretBox secrets, IngestionProperties properties, FeedAddresses addresses) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.bounds = properties.bounds();
        this.addresses = addresses;
    }

    private record Built(long version, GenericJsonFeed feed) {}

    @Override
    public Optional<FeedSource> find(String code) {
        return load(code).map(f -> f);
    }

    Optional<GenericJsonFeed> load(String code) {
        return jdbc
                .query(
                        "SELECT feed_definition::text, feed_secret_enc, feed_secret_key_id, version FROM marketplaces"
                                + " WHERE code = ? AND protocol = 'generic-json'",
                        (rs, i) -> {
                            long version = rs.getLong(4);
                            Built cached = built.get(code);
                            if (cached != null && cached.version() == version) {
                                return cached.feed();
                            }
                            GenericJsonFeed feed = build(code, rs.getString(1), rs.getBytes(2), rs.getString(3));
                            built.put(code, new Built(version, feed));
                            return feed;
                        },
                        code)
                .stream()
                .findFirst();
    }

    private GenericJsonFeed build(String code, String definitionJson, byte[] sealed, String keyId) {
        FeedDefinition definition = Json.MAPPER.readValue(definitionJson, FeedDefinition.class);
        FeedCredentials credentials = FeedCredentials.NONE;
        if (sealed != null) {
            JsonNode opened = Json.MAPPER.readTree(secrets.open(code, sealed, keyId));
            credentials = new FeedCredentials(text(opened, "key"), text(opened, "secret"));
        }
        return new GenericJsonFeed(code, definition, credentials, http, bounds, addresses::admit);
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isString() ? node.path(field).asString() : null;
    }
}
