package dev.silkway.ingestion.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.silkway.ingestion.config.FeedBounds;
import dev.silkway.platform.outbound.OutboundHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a feed answers never reaches the operator as text, and a redirect is never followed. */
class GenericJsonFeedAnswersTest {

    static final String SECRET_PAGE = "<html>internal admin console: db password hunter2</html>";

    HttpServer server;
    final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            byte[] body = SECRET_PAGE.getBytes(StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().equals("/redirect")) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/inside");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aNonJsonAnswerFailsThePageWithoutEchoingTheBody() {
        GenericJsonFeed feed = feed("/page");

        assertThatThrownBy(() -> feed.fetch(null))
                .isInstanceOf(FeedFailed.class)
                .message()
                .doesNotContain("hunter2", "html");
    }

    @Test
    void aRedirectIsNeverFollowed() {
        GenericJsonFeed feed = feed("/redirect");

        assertThatThrownBy(() -> feed.fetch(null))
                .isInstanceOf(FeedFailed.class)
                .hasMessageContaining("HTTP 302");
        assertThat(paths).containsOnly("/redirect");
    }

    @Test
    void aRefusedAddressIsNeverRequested() {
        GenericJsonFeed feed = new GenericJsonFeed(
                "acme",
                definition("/page"),
                FeedCredentials.NONE,
                OutboundHttp.create(Duration.ofSeconds(5)),
                FeedBounds.defaults(),
                u -> Optional.of("127.0.0.1 resolves to a loopback address"));

        assertThatThrownBy(() -> feed.fetch(null))
                .isInstanceOf(FeedFailed.class)
                .hasMessage("acme: the feed's address is refused: 127.0.0.1 resolves to a loopback address");
        assertThat(paths).isEmpty();
    }

    private GenericJsonFeed feed(String path) {
        return new GenericJsonFeed(
                "acme",
                definition(path),
                FeedCredentials.NONE,
                OutboundHttp.create(Duration.ofSeconds(5)),
                FeedBounds.defaults(),
                u -> Optional.empty());
    }

    private FeedDefinition definition(String path) {
        return new FeedDefinition(
                "http://127.0.0.1:" + port() + path,
                FeedDefinition.Auth.none(),
                new FeedDefinition.Paging("page", "page", null, null, "size", 50, 1, null, null),
                GenericFeedUnitsTest.MAPPING);
    }

    private int port() {
        return server.getAddress().getPort();
    }
}
