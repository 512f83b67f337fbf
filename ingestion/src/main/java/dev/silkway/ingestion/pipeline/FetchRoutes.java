package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.config.IngestionProperties;
import dev.silkway.ingestion.feed.FeedPage;
import dev.silkway.ingestion.feed.Feeds;
import dev.silkway.ingestion.feed.RawRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/**
 * The fetch flow, one route per feed ({@code fetch-<code>}, instantiated from the {@code fetch-feed} template when
 * the feed is first run, so a feed an operator declares at runtime gets its route without a restart): fetch the
 * page at the cursor, publish each raw record to the raw topic keyed {@code <feed>:<externalId>} with the run, the
 * execution and the page in its headers (a record too large to publish goes as {@code {}} with its length in a
 * header, quarantined by the normalizer), and answer the {@link FeedPage} so the caller can checkpoint.
 */
@Component
public class FetchRoutes extends RouteBuilder {

    static final String FEED = "silkwayFeed";
    static final String CURSOR = "silkwayCursor";

    private final Feeds feeds;
    private final RecordBounds bounds;

    FetchRoutes(Feeds feeds, IngestionProperties properties) {
        this.feeds = feeds;
        this.bounds = RecordBounds.of(properties.bounds());
    }

    @Override
    public void configure() {
        routeTemplate("fetch-feed")
                .templateParameter("feed")
                .from("direct:fetch-{{feed}}")
                .process(this::fetchPage)
                .setProperty("page", body())
                .split(simple("${body.records}"))
                .stopOnException()
                .process(this::toKafkaRecord)
                .to("kafka:{{silkway.ingestion.raw-topic}}?brokers={{spring.kafka.bootstrap-servers}}"
                        + "&requestRequiredAcks=all&enableIdempotence=true")
                .end()
                .setBody(exchangeProperty("page"));
    }

    private void fetchPage(Exchange exchange) {
        String feed = exchange.getMessage().getHeader(FEED, String.class);
        String cursor = exchange.getMessage().getHeader(CURSOR, String.class);
        FeedPage page = feeds.require(feed).fetch(cursor);
        exchange.getMessage().setBody(page);
        exchange.setProperty("duplicates", duplicates(page.records()));
    }

    /** Records whose id appeared earlier on the same page: the normalizer quarantines them as DUPLICATE_ID. */
    private static Set<Integer> duplicates(List<RawRecord> records) {
        Set<String> seen = new HashSet<>();
        Set<Integer> duplicates = new HashSet<>();
        for (RawRecord r : records) {
            if (!r.externalId().isEmpty() && !seen.add(r.externalId())) {
                duplicates.add(r.position());
            }
        }
        return duplicates;
    }

    @SuppressWarnings("unchecked")
    private void toKafkaRecord(Exchange exchange) {
        RawRecord record = exchange.getMessage().getBody(RawRecord.class);
        Set<Integer> duplicates = exchange.getProperty("duplicates", Set.class);
        var message = exchange.getMessage();
        message.setHeader(KafkaConstants.KEY, record.key());
        message.setHeader(RawTopic.PAGE, Integer.toString(record.page()));
        message.setHeader(RawTopic.POSITION, Integer.toString(record.position()));
        if (duplicates.contains(record.position())) {
            message.setHeader(RawTopic.DUPLICATE, "true");
        }
        message.removeHeader(FEED);
        message.removeHeader(CURSOR);
        if (bounds.publishable(record.json().length())) {
            message.setBody(record.json());
        } else {
            message.setHeader(RawTopic.OVERSIZED, Integer.toString(record.json().length()));
            message.setBody("{}");
        }
    }

    /** Adds the feed's route unless it exists. */
    static synchronized void ensureRoute(CamelContext camel, String feed) {
        if (camel.getRoute("fetch-" + feed) == null) {
            TemplatedRouteBuilder.builder(camel, "fetch-feed")
                    .routeId("fetch-" + feed)
                    .parameter("feed", feed)
                    .add();
        }
    }
}
