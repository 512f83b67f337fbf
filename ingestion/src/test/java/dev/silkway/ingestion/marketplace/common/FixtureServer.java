package dev.silkway.ingestion.marketplace.common;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A loopback HTTP server answering from a script of responses (the last one repeats), recording every request
 * body. Fixtures come from {@code src/test/resources/marketplace/...}.
 */
public final class FixtureServer implements AutoCloseable {

    public record Reply(int status, String body) {}

    public record Received(String path, String body) {
        public Map<String, String> form() {
            return java.util.Arrays.stream(body.split("&"))
                    .map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(
                            p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                            p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> router;

    public FixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public static String fixture(String path) {
        try (InputStream in = FixtureServer.class.getResourceAsStream("/marketplace/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FixtureServer then(int status, String body) {
        script.add(new Reply(status, body));
        return this;
    }

    public FixtureServer thenFixture(String path) {
        return then(200, fixture(path));
    }

    /** Answers by request instead of by script. */
    public FixtureServer route(Function<Received, Reply> router) {
        this.router = router;
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Received request = new Received(
                exchange.getRequestURI().getPath(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        received.add(request);
        Reply reply = router != null ? router.apply(request) : next();
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private Reply next() {
        Reply reply = script.size() > 1 ? script.poll() : script.peek();
        return reply != null ? reply : new Reply(404, "");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
