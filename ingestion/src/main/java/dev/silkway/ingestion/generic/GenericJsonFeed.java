package dev.silkway.ingestion.generic;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.config.FeedBounds;
import dev.silkway.ingestion.feed.FeedPage;
import dev.silkway.ingestion.feed.FeedSource;
import dev.silkway.ingestion.feed.JsonShape;
import dev.silkway.ingestion.feed.RawRecord;
import dev.silkway.ingestion.feed.RunBounds;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import dev.silkway.platform.outbound.Answer;
import dev.silkway.platform.outbound.AnswerLimits;
import dev.silkway.platform.outbound.OutboundFailed;
import dev.silkway.platform.outbound.OutboundHttp;
import dev.silkway.platform.retry.Backoff;
import dev.silkway.platform.retry.Retry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * A declared generic-JSON feed: GETs {@code baseUrl} with the paging parameters and the auth headers, reads the
 * items at the mapping's {@code items} path and hands each one on as a raw record (its id read through the mapping).
 * Every answer is a bounded {@link OutboundHttp} call (the feed's declared {@link FeedDefinition.Limits} or
 * {@code silkway.ingestion.bounds.*}), and its shape is measured before it is parsed. 429, 5xx, I/O failures and
 * answers cut off at their deadline are retried by the platform's {@link Retry}; 401/403 fail at once with a message
 * for the operator, as does any other 4xx, a redirect, an answer past its size cap or nesting bound, or a body that
 * is not JSON with an item list.
 */
final class GenericJsonFeed implements FeedSource {

    private static final Logger log = LoggerFactory.getLogger(GenericJsonFeed.class);

    /**
     * How deep a whole answer may nest before it is parsed: a guard for the parser's recursion only, generous so that
     * a page with a record nested too deep still reaches the record bounds, which quarantine that record alone.
     */
    private static final int PAGE_MAX_DEPTH = 256;

    private static final Backoff BACKOFF = new Backoff(4, Duration.ofMillis(500), Duration.ofSeconds(8), 2.0, 0.5);

    private final String code;
    private final FeedDefinition definition;
    private final RequestSigner signer;
    private final ItemMapper mapper;
    private final OutboundHttp http;
    private final AnswerLimits limits;
    private final RunBounds bounds;
    private final Retry retry;
    /** Why the feed may not fetch a URL now (see {@code egress.FeedAddresses#admit}), or empty. */
    private final Function<URI, Optional<String>> admission;

    GenericJsonFeed(
            String code,
            FeedDefinition definition,
            FeedCredentials credentials,
            OutboundHttp http,
            FeedBounds defaults,
            Function<URI, Optional<String>> admission) {
        this.code = code;
        this.admission = admission;
        this.definition = definition;
        this.signer = new RequestSigner(definition.auth(), credentials);
        this.mapper = new ItemMapper(code, definition.mapping());
        this.http = http;
        FeedDefinition.Limits declared =
                definition.limits() != null ? definition.limits() : new FeedDefinition.Limits(null, null, null, null);
        this.limits = new AnswerLimits(
                declared.maxAnswerBytes() != null
                        ? DataSize.ofBytes(declared.maxAnswerBytes())
                        : defaults.answer().maxSize(),
                declared.answerTimeoutSeconds() != null
                        ? Duration.ofSeconds(declared.answerTimeoutSeconds())
                        : defaults.answer().timeout());
        this.bounds = new RunBounds(
                declared.maxPages() != null ? declared.maxPages() : defaults.maxPages(),
                declared.maxRecords() != null ? declared.maxRecords() : defaults.maxRecords());
        this.retry = Retry.of("feed " + code, BACKOFF, failure -> failure instanceof FeedFailed f && f.retryable());
    }

    @Override
    public Optional<RunBounds> runBounds() {
        return Optional.of(bounds);
    }

    @Override
    public String code() {
        return code;
    }

    /**
     * The address is checked before every request (the resolver then guards the host until the connection); an
     * unexpected failure becomes a {@link FeedFailed} without its internal text.
     */
    @Override
    public FeedPage fetch(@Nullable String cursor) {
        try {
            return page(cursor);
        } catch (FeedFailed e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Feed {}: reading a page failed", code, e);
            throw FeedFailed.internal(code, e);
        }
    }

    private FeedPage page(@Nullable String cursor) {
        FeedDefinition.Paging paging = definition.paging();
        URI uri = uri(cursor);
        admission.apply(uri).ifPresent(reason -> {
            throw FeedFailed.refused(code, reason);
        });
        Object document = get(uri);
        Object items = ItemMapper.read(document, definition.mapping().items());
        if (!(items instanceof List<?> list)) {
            throw FeedFailed.malformed(
                    code, "no item list at " + definition.mapping().items() + " in the answer");
        }
        int pageNumber = pageNumber(cursor);
        List<RawRecord> records = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            records.add(new RawRecord(
                    code, mapper.externalId(item), ItemMapper.provider().toJson(item), pageNumber, i));
        }
        return new FeedPage(records, next(cursor, document, list.size(), paging));
    }

    @Override
    public ParseOutcome<CatalogueOffer> parse(RawRecord raw) {
        return mapper.map(raw.json());
    }

    private @Nullable String next(@Nullable String cursor, Object document, int count, FeedDefinition.Paging paging) {
        if (count == 0) {
            return null;
        }
        Long total = total(document, paging);
        return switch (paging.type()) {
            case "page" -> {
                int page = cursor == null ? paging.firstPage() : Integer.parseInt(cursor);
                long seen = (long) (page - paging.firstPage()) * paging.pageSize() + count;
                yield last(seen, count, total, paging) ? null : Integer.toString(page + 1);
            }
            case "offset" -> {
                long offset = cursor == null ? 0 : Long.parseLong(cursor);
                yield last(offset + count, count, total, paging) ? null : Long.toString(offset + count);
            }
            default -> {
                Object next = ItemMapper.read(document, java.util.Objects.requireNonNull(paging.nextCursorPath()));
                String text = next == null ? "" : next.toString().strip();
                yield text.isEmpty() || text.equals(cursor) ? null : text;
            }
        };
    }

    private static boolean last(long seen, int count, @Nullable Long total, FeedDefinition.Paging paging) {
        return total != null ? seen >= total : count < paging.pageSize();
    }

    private @Nullable Long total(Object document, FeedDefinition.Paging paging) {
        if (paging.totalPath() == null) {
            return null;
        }
        Object total = ItemMapper.read(document, paging.totalPath());
        try {
            return total == null ? null : new BigDecimal(total.toString()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw FeedFailed.malformed(code, "the total at " + paging.totalPath() + " is not an integer");
        }
    }

    private int pageNumber(@Nullable String cursor) {
        FeedDefinition.Paging paging = definition.paging();
        return switch (paging.type()) {
            case "page" -> cursor == null ? paging.firstPage() : Integer.parseInt(cursor);
            case "offset" -> (int) ((cursor == null ? 0 : Long.parseLong(cursor)) / paging.pageSize()) + 1;
            default -> 0;
        };
    }

    URI uri(@Nullable String cursor) {
        FeedDefinition.Paging paging = definition.paging();
        StringBuilder query = new StringBuilder();
        param(query, paging.sizeParam(), Integer.toString(paging.pageSize()));
        switch (paging.type()) {
            case "page" ->
                param(
                        query,
                        java.util.Objects.requireNonNull(paging.pageParam()),
                        cursor == null ? Integer.toString(paging.firstPage()) : cursor);
            case "offset" ->
                param(query, java.util.Objects.requireNonNull(paging.offsetParam()), cursor == null ? "0" : cursor);
            default -> {
                if (cursor != null) {
                    param(query, java.util.Objects.requireNonNull(paging.cursorParam()), cursor);
                }
            }
        }
        return URI.create(definition.baseUrl() + "?" + query);
    }

    private static void param(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /**
     * Refuses an answer before it is parsed when the parser would recurse past {@link #PAGE_MAX_DEPTH}, or when it
     * holds more than one value per 8 bytes of the answer's cap, so that the parsed tree stays a small multiple of
     * the cap (a 16 MiB answer of two-byte values would parse into far more than the heap the cap is meant to keep).
     */
    private void checkShape(String body) {
        JsonShape shape = JsonShape.of(body);
        if (shape.depth() > PAGE_MAX_DEPTH) {
            throw FeedFailed.malformed(code, "the answer nests deeper than " + PAGE_MAX_DEPTH + " levels");
        }
        long maxValues = limits.maxSize().toBytes() / 8;
        if (shape.values() > maxValues) {
            throw FeedFailed.malformed(code, "the answer holds more than " + maxValues + " values");
        }
    }

    private Object get(URI uri) {
        return retry.call(() -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("Accept", "application/json")
                    .GET();
            signer.sign(request, uri);
            Answer answer;
            try {
                answer = http.send(request, limits);
            } catch (OutboundFailed e) {
                throw FeedFailed.outbound(code, e);
            }
            if (answer.status() != 200) {
                throw FeedFailed.status(code, answer.status());
            }
            String body = answer.text();
            checkShape(body);
            Object document;
            try {
                document = ItemMapper.provider().parse(body);
            } catch (RuntimeException e) {
                throw FeedFailed.malformed(code, "the answer is not JSON");
            }
            if (!(document instanceof Map<?, ?>) && !(document instanceof List<?>)) {
                // the lenient parser reads an HTML page or a bare word as one string
                throw FeedFailed.malformed(code, "the answer is not JSON (an object or an array is expected)");
            }
            return document;
        });
    }
}
