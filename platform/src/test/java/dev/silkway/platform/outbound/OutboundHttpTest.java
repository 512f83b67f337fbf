package dev.silkway.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class OutboundHttpTest {

    private static final AnswerLimits ONE_MEGABYTE_TWO_SECONDS =
            new AnswerLimits(DataSize.ofMegabytes(1), Duration.ofSeconds(2));

    private final HttpServer server = server();
    private final OutboundHttp http = OutboundHttp.create(Duration.ofSeconds(2));
    private final AtomicLong written = new AtomicLong();
    private final AtomicBoolean handlerEnded = new AtomicBoolean();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void readsAnAnswerWithinItsLimitsInTheDeclaredCharset() {
        byte[] body = "курс юаня".getBytes(Charset.forName("windows-1251"));
        handle(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=windows-1251");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });

        Answer answer = http.send(get(), ONE_MEGABYTE_TWO_SECONDS);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo("курс юаня");
    }

    @Test
    void stopsReadingAnEndlessBodyAtTheCapAndClosesTheConnection() {
        handle(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            OutputStream out = exchange.getResponseBody();
            for (long sent = 0; sent < (4L << 30); sent += chunk.length) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
        });

        assertThatThrownBy(() -> http.send(get(), ONE_MEGABYTE_TWO_SECONDS))
                .isInstanceOfSatisfying(OutboundFailed.class, failed -> {
                    assertThat(failed.kind()).isEqualTo(OutboundFailed.Kind.TOO_LARGE);
                    assertThat(failed.retryable()).isFalse();
                })
                .hasMessageContaining("larger than 1048576 bytes");
        await().atMost(Duration.ofSeconds(10)).untilTrue(handlerEnded);
        assertThat(written.get()).as("the server was cut off long before 4 GB").isLessThan(256L << 20);
    }

    @Test
    void refusesABodyWhoseDeclaredLengthIsPastTheCapWithoutReadingIt() {
        handle(exchange -> {
            exchange.sendResponseHeaders(200, 10L << 30);
            exchange.getResponseBody().write(new byte[1024]);
            exchange.getResponseBody().flush();
            release.await(10, TimeUnit.SECONDS);
        });

        assertThatThrownBy(() -> http.send(get(), ONE_MEGABYTE_TWO_SECONDS))
                .isInstanceOfSatisfying(
                        OutboundFailed.class, f -> assertThat(f.kind()).isEqualTo(OutboundFailed.Kind.TOO_LARGE));
    }

    @Test
    void cutsOffATrickledBodyAtTheAnswersDeadline() {
        handle(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            for (int i = 0; i < 100; i++) {
                exchange.getResponseBody().write('[');
                exchange.getResponseBody().flush();
                if (release.await(200, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        });
        long started = System.nanoTime();

        assertThatThrownBy(() -> http.send(get(), ONE_MEGABYTE_TWO_SECONDS))
                .isInstanceOfSatisfying(OutboundFailed.class, failed -> {
                    assertThat(failed.kind()).isEqualTo(OutboundFailed.Kind.TIMED_OUT);
                    assertThat(failed.retryable()).isTrue();
                })
                .hasMessageContaining("within 2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(10)).untilTrue(handlerEnded);
    }

    @Test
    void cutsOffAServerThatNeverAnswers() {
        handle(exchange -> release.await(10, TimeUnit.SECONDS));

        assertThatThrownBy(() -> http.send(get(), ONE_MEGABYTE_TWO_SECONDS))
                .isInstanceOfSatisfying(
                        OutboundFailed.class, f -> assertThat(f.kind()).isEqualTo(OutboundFailed.Kind.TIMED_OUT));
    }

    @Test
    void refusesToFollowARedirect() {
        handle(exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
        });

        assertThatThrownBy(() -> http.send(get(), ONE_MEGABYTE_TWO_SECONDS))
                .isInstanceOfSatisfying(OutboundFailed.class, failed -> {
                    assertThat(failed.kind()).isEqualTo(OutboundFailed.Kind.REDIRECTED);
                    assertThat(failed.retryable()).isFalse();
                })
                .hasMessageContaining("HTTP 302")
                .hasMessageContaining("not followed");
    }

    @Test
    void reportsAnUnreachableServerWithoutItsQuery() {
        int port = server.getAddress().getPort();
        server.stop(0);

        assertThatThrownBy(() -> http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/x?sign=SECRET")),
                        ONE_MEGABYTE_TWO_SECONDS))
                .isInstanceOfSatisfying(
                        OutboundFailed.class, f -> assertThat(f.kind()).isEqualTo(OutboundFailed.Kind.UNREACHABLE))
                .message()
                .doesNotContain("SECRET");
    }

    private HttpRequest.Builder get() {
        return HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed"));
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private void handle(Handler handler) {
        server.createContext("/", exchange -> {
            try {
                handler.handle(exchange);
            } catch (IOException closedByClient) {
                // the client stopped reading: what this test wants
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                handlerEnded.set(true);
                exchange.close();
            }
        });
    }

    private static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
