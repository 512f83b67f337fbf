package dev.silkway.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.silkway.sandbox.catalogue.SandboxProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared webhook sender against a real local endpoint: retries, fresh signatures, duplicates, hold-backs. */
class WebhookSenderTest {

    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> signatures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private final WebhookDeliveries deliveries = new WebhookDeliveries();
    private HttpServer server;
    private WebhookSender sender;

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
        sender.stop();
        server.stop(0);
    }

    @Test
    void retriesAFailedDeliveryUntilItIsAcceptedSigningEachAttemptAfresh() {
        sender = sender(new WebhookProperties.WebhookRates(0, 0, 0, Duration.ZERO, Duration.ZERO));
        failFirst.set(2);
        AtomicInteger signed = new AtomicInteger();

        sender.send(new Webhook(
                "test",
                "evt_1",
                hook(),
                "{\"n\":1}",
                (body, now) -> Map.of("X-Signature", "attempt-" + signed.incrementAndGet())));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertThat(signatures).containsExactly("attempt-3");
        assertThat(deliveries.of("test"))
                .extracting(WebhookDeliveries.Attempt::status)
                .containsExactly(503, 503, 200);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        sender = sender(new WebhookProperties.WebhookRates(0, 0, 0, Duration.ZERO, Duration.ZERO));
        failFirst.set(100);

        sender.send(new Webhook("test", "evt_2", hook(), "{}", Webhook.Signer.NONE));

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.of("test").size() == 4);
        assertThat(received).isEmpty();
    }

    @Test
    void deliversADuplicateWhenTheDuplicateRateSaysSo() {
        sender = sender(new WebhookProperties.WebhookRates(1, 0, 0, Duration.ZERO, Duration.ZERO));

        sender.send(new Webhook("test", "evt_3", hook(), "{\"n\":3}", Webhook.Signer.NONE));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received).containsOnly("{\"n\":3}");
    }

    @Test
    void aHeldBackEventArrivesAfterTheOneSentNext() {
        sender = sender(new WebhookProperties.WebhookRates(0, 0, 1, Duration.ZERO, Duration.ofMillis(800)));
        sender.send(new Webhook("test", "first", hook(), "first", Webhook.Signer.NONE));
        sender.replace(new WebhookProperties.WebhookRates(0, 0, 0, Duration.ZERO, Duration.ZERO));
        sender.send(new Webhook("test", "second", hook(), "second", Webhook.Signer.NONE));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(List.copyOf(received)).containsExactly("second", "first");
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private WebhookSender sender(WebhookProperties.WebhookRates rates) {
        WebhookProperties properties =
                new WebhookProperties(4, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(2), rates);
        SandboxProperties sandbox = new SandboxProperties(
                1,
                10,
                1L,
                50,
                SandboxProperties.FaultRates.none(),
                new SandboxProperties.Platforms(null, null, null, null, null));
        return new WebhookSender(properties, sandbox, Clock.systemUTC(), deliveries);
    }
}
