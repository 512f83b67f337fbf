package dev.silkway.storefront.payment;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook endpoint for tests: every POST it receives is kept as the {@link WebhookDelivery} our endpoint would make
 * of it (header names lower-case, the body's exact bytes); it answers 200, or 500 to the first {@code failFirst}.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<WebhookDelivery> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failFirst = new AtomicInteger();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            int status = failFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            if (status == 200) {
                deliveries.add(new WebhookDelivery(
                        headers, body, exchange.getRemoteAddress().getAddress(), Instant.now()));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(handlers);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    }

    /** The next {@code count} deliveries are answered 500 (and not kept). */
    public void failFirst(int count) {
        failFirst.set(count);
    }

    /** Waits for the first kept delivery that {@code wanted} accepts. */
    public WebhookDelivery awaitDelivery(Predicate<WebhookDelivery> wanted) {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> deliveries.stream().filter(wanted).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    public List<WebhookDelivery> all() {
        return new ArrayList<>(deliveries);
    }

    /** Whether the body, as text, contains {@code text}. */
    public static Predicate<WebhookDelivery> bodyContains(String text) {
        return d -> new String(d.body(), java.nio.charset.StandardCharsets.UTF_8).contains(text);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
