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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

    private final WebhookSender sender = new WebhookSender();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer receiver;

    @BeforeEach
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + "|"
                    + exchange.getRequestHeaders().getFirst("X-Try"));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        sender.destroy();
    }

    private WebhookSender.Delivery delivery(String body) {
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        return new WebhookSender.Delivery(
                "test", url, () -> Map.of("X-Try", "signed"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static WebhookPolicy policy(double duplicate, double reorder) {
        return new WebhookPolicy(duplicate, 0, reorder, Duration.ofSeconds(5), Duration.ofMillis(50), 5);
    }

    @Test
    void retriesADeliveryTheReceiverRefusedUntilItIsTaken() {
        failuresLeft.set(2);

        sender.send(delivery("one"), policy(0, 0));

        await().atMost(Duration.ofSeconds(10)).until(() -> sender.counts().accepted() == 1);
        assertThat(received).containsExactly("one|signed", "one|signed", "one|signed");
        assertThat(sender.counts().failed()).isEqualTo(2);
    }

    @Test
    void sendsEveryDeliveryTwiceAtADuplicateRateOfOne() {
        sender.send(delivery("twice"), policy(1, 0));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received).containsOnly("twice|signed");
    }

    @Test
    void aDeliveryHeldBackArrivesAfterTheNextOne() {
        sender.send(delivery("first"), policy(0, 1));
        sender.send(delivery("second"), policy(0, 0));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received).containsExactly("second|signed", "first|signed");
    }
}
