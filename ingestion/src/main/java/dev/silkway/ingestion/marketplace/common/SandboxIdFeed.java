package dev.silkway.ingestion.marketplace.common;

import dev.silkway.ingestion.marketplace.offer.Json;
import dev.silkway.ingestion.marketplace.transport.MarketplaceHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads ids from the sandbox's own listing ({@code GET <url>?offset=&limit=} → {@code {"total":N,"ids":[...]}}).
 * The real platforms have no such endpoint; production declares its ids instead.
 */
public final class SandboxIdFeed implements ProductIdFeed {

    private final MarketplaceHttp http;
    private final URI listing;
    private volatile long total = -1;

    public SandboxIdFeed(MarketplaceHttp http, URI listing) {
        this.http = http;
        this.listing = listing;
    }

    @Override
    public List<String> slice(long offset, int limit) {
        URI uri = URI.create(listing + "?offset=" + offset + "&limit=" + limit);
        return http.exchange(() -> HttpRequest.newBuilder(uri).GET(), reply -> {
            JsonNode body = Json.read(reply.body());
            total = body.path("total").asLong(-1);
            List<String> ids = new ArrayList<>();
            body.path("ids")
                    .forEach(id -> ids.add(id.isNumber() ? id.bigIntegerValue().toString() : id.asString()));
            return ids;
        });
    }

    @Override
    public long total() {
        return total;
    }
}
