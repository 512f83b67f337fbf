package dev.silkway.platform.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoundedHttpTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private BoundedHttp http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/small", exchange -> answer(exchange, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 1024 && release.getCount() > 0; i++) {
                    body.write(chunk);
                }
            } catch (IOException e) {
                // the client hung up, as it should
            }
        });
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write('{');
                body.flush();
                release.await(10, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // the client hung up, as it should
            }
        });
        server.start();
        http = new BoundedHttp(HttpClient.newHttpClient(), "test", Duration.ofMillis(500), 64 * 1024);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void readsAnAnswerWithinTheLimits() {
        BoundedHttp.Reply reply = http.exchange(get("/small"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void refusesAnAnswerLargerThanTheCapWithoutReadingItAll() {
        assertThatThrownBy(() -> http.exchange(get("/huge")))
                .isInstanceOf(TranslationFailed.class)
                .hasMessageContaining("more than 65536 bytes")
                .satisfies(e -> assertThat(((TranslationFailed) e).retryable()).isFalse());
    }

    @Test
    void givesUpOnABodyThatDoesNotArriveWithinTheDeadline() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> http.exchange(get("/trickle")))
                .isInstanceOf(TranslationFailed.class)
                .hasMessageContaining("within 500 ms")
                .satisfies(e -> assertThat(((TranslationFailed) e).retryable()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .build();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
