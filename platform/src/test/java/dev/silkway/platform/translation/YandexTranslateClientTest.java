package dev.silkway.platform.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.silkway.platform.outbound.OutboundHttp;
import dev.silkway.platform.pacing.RateLimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The client's outcomes on the platform's bounded HTTP and retry: what is tried again and what is final. */
class YandexTranslateClientTest {

    private static final String TRANSLATED = "{\"translations\":[{\"text\":\"чёрный\"}]}";

    private final CountDownLatch release = new CountDownLatch(1);
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Duration> waits = new ArrayList<>();
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;
    private YandexTranslateClient client;

    private interface Reply {
        void to(HttpExchange exchange) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/translate/v2/translate", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            Reply reply = replies.poll();
            (reply == null ? status(200, TRANSLATED) : reply).to(exchange);
        });
        server.setExecutor(handlers);
        server.start();
        TranslationProperties properties = new TranslationProperties(
                true,
                "test",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "test-key",
                "test-folder",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                64 * 1024,
                10_000,
                1_000,
                50,
                1_000_000,
                new TranslationProperties.Retry(3, Duration.ofMillis(100), Duration.ofMillis(400), 2.0));
        client = new YandexTranslateClient(
                properties,
                OutboundHttp.create(properties.connectTimeout()),
                RateLimiter.create(properties.requestsPerSecond(), 1),
                YandexTranslateClient.retry(properties).recordingWaits(waits::add, 0.0),
                JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void retriesRateLimitedAndUnavailableAnswersUntilTheTranslationComes() {
        replies.add(status(429, "{}"));
        replies.add(status(503, "{}"));

        assertThat(translate()).containsExactly("чёрный");
        assertThat(calls).hasValue(3);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void neverRetriesRefusedCredentials() {
        replies.add(status(401, "{\"code\":16,\"message\":\"Unknown api key\"}"));

        assertFailsAfterCalls("refused the API key or folder (401): code 16 Unknown api key", false, 1);
    }

    @Test
    void neverRetriesARejectedRequest() {
        replies.add(status(400, "{\"code\":3,\"message\":\"bad language\"}"));

        assertFailsAfterCalls("rejected the request (400)", false, 1);
    }

    @Test
    void retriesAnAnswerThatMissesItsDeadlineThenGivesUp() {
        for (int i = 0; i < 3; i++) {
            replies.add(this::trickle);
        }

        assertFailsAfterCalls("did not arrive in full within 1 s", true, 3);
    }

    @Test
    void refusesAnAnswerLargerThanTheCapWithoutRetrying() {
        replies.add(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 64 && release.getCount() > 0; i++) {
                    body.write(chunk);
                }
            } catch (IOException e) {
                // the client hung up, as it should
            }
        });

        assertFailsAfterCalls("larger than 65536 bytes", false, 1);
    }

    private void assertFailsAfterCalls(String message, boolean retryable, int expectedCalls) {
        assertThatThrownBy(this::translate)
                .isInstanceOf(TranslationFailed.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((TranslationFailed) e).retryable()).isEqualTo(retryable));
        assertThat(calls).hasValue(expectedCalls);
    }

    private List<String> translate() {
        return client.translate(List.of("黑色"), Language.ZH, Language.RU, List.of());
    }

    private void trickle(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write('{');
            body.flush();
            release.await(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // the client hung up, as it should
        }
    }

    private static Reply status(int status, String json) {
        return exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };
    }
}
