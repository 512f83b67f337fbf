package dev.silkway.platform.translation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The translation client's transport, kept apart so that it can move onto a shared bounded outbound HTTP mechanism:
 * one exchange whose whole answer (headers and body) must arrive within {@code deadline}, reading at most
 * {@code maxBytes} of body (a longer answer is cut off and refused, never buffered).
 */
final class BoundedHttp {

    record Reply(int status, String body) {}

    private final HttpClient client;
    private final String provider;
    private final Duration deadline;
    private final int maxBytes;

    BoundedHttp(HttpClient client, String provider, Duration deadline, int maxBytes) {
        this.client = client;
        this.provider = provider;
        this.deadline = deadline;
        this.maxBytes = maxBytes;
    }

    Reply exchange(HttpRequest request) {
        CompletableFuture<Void> overflow = new CompletableFuture<>();
        CompletableFuture<HttpResponse<byte[]>> answer =
                client.sendAsync(request, info -> new CappedBody(maxBytes, overflow));
        try {
            CompletableFuture.anyOf(answer, overflow).get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            if (overflow.isDone()) {
                answer.cancel(true);
                throw TranslationFailed.answerTooLarge(provider, maxBytes);
            }
            HttpResponse<byte[]> response = answer.join();
            return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw TranslationFailed.timedOut(provider, deadline);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw TranslationFailed.io(provider, e);
        } catch (ExecutionException | java.util.concurrent.CompletionException e) {
            throw TranslationFailed.io(provider, e.getCause() instanceof Exception cause ? cause : e);
        }
    }

    /** Collects the body up to {@code maxBytes}; beyond that it cancels the stream, signals the overflow and fails. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int maxBytes;
        private final CompletableFuture<Void> overflow;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription = NO_SUBSCRIPTION;

        CappedBody(int maxBytes, CompletableFuture<Void> overflow) {
            this.maxBytes = maxBytes;
            this.overflow = overflow;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > maxBytes) {
                    subscription.cancel();
                    overflow.complete(null);
                    body.completeExceptionally(new AnswerTooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }

    private static final class AnswerTooLarge extends IOException {
        AnswerTooLarge() {
            super("answer too large");
        }
    }

    private static final Flow.Subscription NO_SUBSCRIPTION = new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
    };
}
