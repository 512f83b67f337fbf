package dev.silkway.ingestion.generic;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to read a generic-JSON marketplace, as stored in {@code marketplaces.feed_definition}: where its catalogue
 * is, how requests are authenticated (never the secret itself: that sits encrypted in {@code feed_secret_enc}), how
 * it pages and which JSON paths (Jayway JsonPath) lead to the unified offer fields. {@link DefinitionReader} builds
 * it from an operator's request and checks every field.
 */
public record FeedDefinition(
        String baseUrl,
        Auth auth,
        Paging paging,
        Mapping mapping,
        @Nullable Limits limits) {

    public FeedDefinition(String baseUrl, Auth auth, Paging paging, Mapping mapping) {
        this(baseUrl, auth, paging, mapping, null);
    }

    /**
     * The bounds this feed declared; each one left out (or a definition stored without them) takes the default of
     * {@code silkway.ingestion.bounds.*}: the size of one answer in bytes, the seconds one answer may take, the pages
     * and records of one run.
     */
    public record Limits(
            @Nullable Integer maxAnswerBytes,
            @Nullable Integer answerTimeoutSeconds,
            @Nullable Integer maxPages,
            @Nullable Integer maxRecords) {}

    /**
     * {@code none}; {@code api-key}: the key in {@code header}; {@code hmac}: {@code algorithm} over the request
     * ({@code signed}: {@code timestamp-path-and-query} = {@code <unix seconds>\nGET\n<path>?<query>}, or
     * {@code path-and-query} = {@code GET\n<path>?<query>}) in {@code header} as {@code encoding} (hex or base64),
     * the timestamp in {@code timestampHeader}, the key id (if any) in {@code keyHeader}.
     */
    public record Auth(
            String type,
            @Nullable String header,
            @Nullable String keyHeader,
            @Nullable String algorithm,
            @Nullable String signed,
            @Nullable String encoding,
            @Nullable String timestampHeader) {

        static Auth none() {
            return new Auth("none", null, null, null, null, null, null);
        }
    }

    /**
     * {@code page} (number from {@code firstPage} in {@code pageParam}), {@code offset} (in {@code offsetParam}) or
     * {@code cursor} (the next one read at {@code nextCursorPath}, sent in {@code cursorParam}); the page size in
     * {@code sizeParam}. The last page is the one that is short or empty, or reaches the total at {@code totalPath}.
     */
    public record Paging(
            String type,
            @Nullable String pageParam,
            @Nullable String offsetParam,
            @Nullable String cursorParam,
            String sizeParam,
            int pageSize,
            int firstPage,
            @Nullable String totalPath,
            @Nullable String nextCursorPath) {}

    /**
     * JSON paths: {@code items} on the response, every other one on an item. {@code priceUnit} is {@code yuan}
     * (decimal, e.g. {@code "59.90"}) or {@code fen} (integer minor units).
     */
    public record Mapping(
            String items,
            String externalId,
            String title,
            @Nullable String titleTranslated,
            @Nullable String description,
            String price,
            String priceUnit,
            @Nullable String listPrice,
            @Nullable String currency,
            @Nullable String stock,
            @Nullable String brand,
            @Nullable String category,
            @Nullable String categoryPath,
            @Nullable String images,
            @Nullable String rating,
            @Nullable String reviewCount,
            @Nullable String sales,
            @Nullable String sourceUrl,
            @Nullable Skus skus) {}

    /** Paths on an item to its SKU list, then on a SKU; {@code attributes}: attribute name → path. */
    public record Skus(
            String items,
            String id,
            @Nullable String price,
            @Nullable String stock,
            Map<String, String> attributes) {

        public Skus {
            attributes = Map.copyOf(attributes);
        }
    }
}
