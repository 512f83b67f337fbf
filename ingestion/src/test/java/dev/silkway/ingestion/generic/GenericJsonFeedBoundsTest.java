package dev.silkway.ingestion.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.ingestion.config.FeedBounds;
import dev.silkway.ingestion.feed.RunBounds;
import dev.silkway.ingestion.marketplace.common.FixtureServer;
import dev.silkway.platform.outbound.OutboundHttp;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GenericJsonFeedBoundsTest {

    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void refusesAnAnswerNestedDeeperThanTheParserMayRecurseWithoutParsingIt() {
        server.then(200, "[".repeat(100_000) + "]".repeat(100_000));

        assertThatThrownBy(() -> feed(null).fetch(null))
                .isInstanceOf(FeedFailed.class)
                .hasMessage("acme: the answer nests deeper than 256 levels");
    }

    @Test
    void refusesAnAnswerPastItsDeclaredSizeAtOnceWithoutRetrying() {
        server.then(200, "{\"items\":[" + "1,".repeat(5_000) + "1]}");

        assertThatThrownBy(() ->
                        feed(new FeedDefinition.Limits(4096, null, null, null)).fetch(null))
                .isInstanceOf(FeedFailed.class)
                .hasMessageContaining("larger than 4096 bytes");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void failsAnHtmlPageAsNotJson() {
        server.then(200, "<html><body>Welcome</body></html>");

        assertThatThrownBy(() -> feed(null).fetch(null))
                .isInstanceOf(FeedFailed.class)
                .hasMessageStartingWith("acme: the answer is not JSON")
                .message()
                .doesNotContain("Welcome");
    }

    @Test
    void takesItsRunBoundsFromItsDeclarationAndTheRestFromTheDefaults() {
        assertThat(feed(new FeedDefinition.Limits(null, null, 7, null)).runBounds())
                .contains(new RunBounds(7, FeedBounds.defaults().maxRecords()));
    }

    private GenericJsonFeed feed(FeedDefinition.Limits limits) {
        FeedDefinition definition = new FeedDefinition(
                server.baseUrl() + "/items",
                FeedDefinition.Auth.none(),
                new FeedDefinition.Paging("page", "page", null, null, "size", 50, 1, null, null),
                GenericFeedUnitsTest.MAPPING,
                limits);
        return new GenericJsonFeed(
                "acme",
                definition,
                FeedCredentials.NONE,
                OutboundHttp.create(Duration.ofSeconds(2)),
                FeedBounds.defaults(),
                u -> Optional.empty());
    }
}
