package dev.silkway.sandbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared webhook sender against a real local endpoint: retries, fresh signatures, duplicates, reordering. */
class WebhookSenderTest {

    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> signatures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private final WebhookSender sender = new WebhookSender();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = failFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (!fail) {
                received.add(body);
                String signature = exchange.getRequestHeaders().getFirst("X-Signature");
                if (signature != null) {
                    signatures.add(signature);
                }
            }
            exchange.sendResponseHeaders(fail ? 503 : 200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterEach
    void stop() {
        sender.destroy();
        server.stop(0);
    }

    @Test
    void retriesAFailedDeliveryUntilItIsAcceptedSigningEachAttemptAfresh() {
        failFirst.set(2);
        AtomicInteger signed = new AtomicInteger();

        sender.send(
                delivery("{\"n\":1}", () -> Map.of("X-Signature", "attempt-" + signed.incrementAndGet())),
                policy(0, 0, 4));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertThat(signatures).containsExactly("attempt-3");
        assertThat(sender.counts()).isEqualTo(new WebhookSender.Counts(3, 1, 2));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        failFirst.set(100);

        sender.send(delivery("{}", Map::of), policy(0, 0, 3));

        await().atMost(Duration.ofSeconds(10)).until(() -> sender.counts().failed() == 3);
        assertThat(received).isEmpty();
        assertThat(sender.counts().sent()).isEqualTo(3);
    }

    @Test
    void deliversADuplicateWhenTheDuplicateRateSaysSo() {
        sender.send(delivery("{\"n\":3}", Map::of), policy(1, 0, 3));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received).containsOnly("{\"n\":3}");
    }

    @Test
    void aHeldBackEventArrivesAfterTheOneSentNext() {
        sender.send(delivery("first", Map::of), policy(0, 1, 3));
        sender.send(delivery("second", Map::of), policy(0, 0, 3));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(List.copyOf(received)).containsExactly("second", "first");
    }

    private WebhookSender.Delivery delivery(String body, java.util.function.Supplier<Map<String, String>> headers) {
        return new WebhookSender.Delivery(
                "test",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"),
                headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static WebhookPolicy policy(double duplicate, double reorder, int attempts) {
        return new WebhookPolicy(duplicate, 0, reorder, Duration.ofSeconds(5), Duration.ofMillis(50), attempts);
    }
}
