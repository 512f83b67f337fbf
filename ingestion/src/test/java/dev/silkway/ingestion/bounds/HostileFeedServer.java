package dev.silkway.ingestion.bounds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A feed server in the test JVM that misbehaves on purpose, one path per behaviour: {@code /huge} streams an answer
 * of up to 8 GiB (never held in memory), {@code /trickle} sends a byte a second, {@code /endless} has a full next
 * page for ever, {@code /html} answers an HTML page, {@code /redirect} points elsewhere, {@code /mixed} is one page
 * of good and hostile records, {@code /calm} is a well-behaved feed of three pages. Every loop is bounded and stops
 * when the client hangs up or the server is closed.
 */
final class HostileFeedServer implements AutoCloseable {

    static final int PAGE_SIZE = 20;
    static final int CALM_PRODUCTS = 45;
    static final int MIXED_GOOD = 10;

    private final HttpServer server;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicLong hugeBytesWritten = new AtomicLong();
    private final Map<String, AtomicLong> hits = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ended = new ConcurrentHashMap<>();

    HostileFeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        route("/huge", this::huge);
        route("/trickle", this::trickle);
        route("/endless", exchange -> json(exchange, page(exchange, "e", PAGE_SIZE)));
        route("/html", exchange -> answer(exchange, 200, "text/html", "<html><body>Welcome, admin</body></html>"));
        route("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", url() + "/redirect-target");
            exchange.sendResponseHeaders(302, -1);
        });
        route("/redirect-target", exchange -> json(exchange, "{\"items\":[]}"));
        route("/mixed", exchange -> json(exchange, mixed()));
        route("/calm", exchange -> {
            int page = page(exchange);
            int count = Math.min(PAGE_SIZE, CALM_PRODUCTS - (page - 1) * PAGE_SIZE);
            json(exchange, page(exchange, "c", Math.max(0, count)));
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    long hugeBytesWritten() {
        return hugeBytesWritten.get();
    }

    long hits(String path) {
        return hits.getOrDefault(path, new AtomicLong()).get();
    }

    /** Whether the last request on {@code path} has ended: the client hung up or the answer was complete. */
    boolean ended(String path) {
        return ended.getOrDefault(path, false);
    }

    private void huge(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("{\"items\":[".getBytes(StandardCharsets.UTF_8));
        byte[] item = "{\"id\":\"h\",\"title\":\"huge\",\"price\":\"1.00\"},".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[item.length * 1024];
        for (int i = 0; i < 1024; i++) {
            System.arraycopy(item, 0, chunk, i * item.length, item.length);
        }
        for (long sent = 0; sent < (8L << 30) && closed.getCount() > 0; sent += chunk.length) {
            out.write(chunk);
            hugeBytesWritten.addAndGet(chunk.length);
        }
    }

    private void trickle(HttpExchange exchange) throws IOException, InterruptedException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < 300; i++) {
            out.write(i == 0 ? '{' : ' ');
            out.flush();
            if (closed.await(1, TimeUnit.SECONDS)) {
                return;
            }
        }
    }

    private static String page(HttpExchange exchange, String prefix, int count) {
        int page = page(exchange);
        return IntStream.range(0, count)
                .mapToObj(i -> item(prefix + page + "-" + i, "\"title\":\"商品 " + page + "-" + i + "\""))
                .collect(Collectors.joining(",", "{\"items\":[", "]}"));
    }

    /** Good records, then one nested too deep, one with a too long array, one too large, and one without a price. */
    private static String mixed() {
        String good = IntStream.range(0, MIXED_GOOD)
                .mapToObj(i -> item("m" + i, "\"title\":\"好商品 " + i + "\""))
                .collect(Collectors.joining(","));
        String deep = item("deep", "\"title\":\"深\",\"x\":" + "[".repeat(40) + "1" + "]".repeat(40));
        String wide = item(
                "wide",
                "\"title\":\"宽\",\"tags\":"
                        + IntStream.range(0, 500)
                                .mapToObj(Integer::toString)
                                .collect(Collectors.joining(",", "[", "]")));
        String large = item("large", "\"title\":\"" + "大".repeat(30_000) + "\"");
        String noPrice = "{\"id\":\"no-price\",\"title\":\"无价\"}";
        return "{\"items\":[" + String.join(",", good, deep, wide, large, noPrice) + "]}";
    }

    private static String item(String id, String fields) {
        return "{\"id\":\"" + id + "\"," + fields + ",\"price\":\"19.90\"}";
    }

    private static int page(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("page=")) {
                return Integer.parseInt(pair.substring(5));
            }
        }
        return 1;
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private void route(String path, Handler handler) {
        server.createContext(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            hits.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
            ended.put(path, false);
            try {
                handler.handle(exchange);
            } catch (IOException clientHungUp) {
                // what a bounded client does to this server
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
                ended.put(path, true);
            }
        });
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        answer(exchange, 200, "application/json;charset=UTF-8", body);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
