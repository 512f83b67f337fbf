package dev.silkway.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.silkway.platform.pacing.RateLimiter;
import dev.silkway.platform.retry.Backoff;
import dev.silkway.platform.retry.Retry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class PacedHttpTest {

    private static final AnswerLimits LIMITS = new AnswerLimits(DataSize.ofKilobytes(64), Duration.ofSeconds(2));

    /** What the client under test throws: "later" answers and failed exchanges, each retryable or not. */
    static final class Later extends RuntimeException {
        final boolean retryable;

        Later(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }
    }

    private final List<Integer> statuses = new ArrayList<>();
    private final List<String> requestIds = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final HttpServer server = server();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void triesAgainAfterA503AndA429WithTheRequestBuiltAfreshAndDecodesTheAnswerThatCame() {
        statuses.addAll(List.of(503, 429, 200));
        AtomicInteger built = new AtomicInteger();

        String body = paced(3).call(() -> get("attempt-" + built.incrementAndGet()), Answer::text);

        assertThat(body).isEqualTo("answer 3");
        assertThat(requestIds).containsExactly("attempt-1", "attempt-2", "attempt-3");
    }

    @Test
    void givesUpAfterItsAttemptsWithTheClientsOwnException() {
        statuses.addAll(List.of(500, 500, 500, 200));

        assertThatThrownBy(() -> paced(3).call(() -> get("x"), Answer::text))
                .isInstanceOf(Later.class)
                .hasMessage("HTTP 500");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aRefusedExchangeBecomesTheClientsExceptionAndAFinalOneIsNotTriedAgain() {
        statuses.addAll(List.of(302, 200));

        assertThatThrownBy(() -> paced(3).call(() -> get("x"), Answer::text))
                .isInstanceOf(Later.class)
                .hasMessageContaining("redirect");
        assertThat(calls).hasValue(1);
    }

    @Test
    void leavesEveryOtherAnswerToTheDecoder() {
        statuses.addAll(List.of(404, 200));

        int status = paced(3).call(() -> get("x"), Answer::status);

        assertThat(status).isEqualTo(404);
        assertThat(calls).hasValue(1);
    }

    private PacedHttp paced(int attempts) {
        Backoff backoff = new Backoff(attempts, Duration.ZERO, Duration.ZERO, 1.0, 0);
        return new PacedHttp(
                OutboundHttp.create(Duration.ofSeconds(2)),
                LIMITS,
                RateLimiter.create(1000, 10),
                Retry.of("test", backoff, failure -> failure instanceof Later later && later.retryable),
                new PacedHttp.Failures() {
                    @Override
                    public RuntimeException answered(Answer answer) {
                        return new Later("HTTP " + answer.status(), true);
                    }

                    @Override
                    public RuntimeException failed(OutboundFailed failure) {
                        return new Later(failure.getMessage(), failure.retryable());
                    }
                });
    }

    private HttpRequest.Builder get(String requestId) {
        return HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                .header("X-Request-Id", requestId);
    }

    private HttpServer server() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            created.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            created.createContext("/", exchange -> {
                int call = calls.incrementAndGet();
                requestIds.add(exchange.getRequestHeaders().getFirst("X-Request-Id"));
                int status = statuses.get(call - 1);
                if (status == 302) {
                    exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
                }
                byte[] body = ("answer " + call).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
