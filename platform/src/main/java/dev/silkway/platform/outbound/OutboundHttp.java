package dev.silkway.platform.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Every outside HTTP call of the project: one {@link HttpClient} (connect timeout, redirects never followed) and, per
 * call, {@link AnswerLimits}: the body is capped while it is read ({@link BoundedBody}), and one deadline covers the
 * headers and the whole body, so a server that trickles a byte now and then is cut off and the exchange cancelled.
 * A 3xx is a failure. Never throws anything but {@link OutboundFailed} (or {@link CancellationException} when the
 * calling thread is interrupted); any status below 300 or from 400 is the caller's to judge.
 */
public final class OutboundHttp {

    private final HttpClient client;

    private OutboundHttp(HttpClient client) {
        this.client = client;
    }

    public static OutboundHttp create(Duration connectTimeout) {
        return new OutboundHttp(HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    public Answer send(HttpRequest.Builder request, AnswerLimits limits) {
        HttpRequest built = request.timeout(limits.timeout()).build();
        URI uri = built.uri();
        AtomicReference<@Nullable BoundedBody> body = new AtomicReference<>();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            BoundedBody subscriber = new BoundedBody(uri, limits.maxSize(), refusal(uri, limits, info));
            body.set(subscriber);
            return subscriber;
        };
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(built, handler);
        HttpResponse<byte[]> response;
        try {
            response = pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            OutboundFailed timedOut = OutboundFailed.timedOut(uri, limits.timeout());
            abandon(pending, body.get(), timedOut);
            throw timedOut;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(pending, body.get(), new CancellationException("interrupted"));
            throw new CancellationException("interrupted while calling " + uri.getHost());
        } catch (ExecutionException e) {
            throw failure(uri, limits, e.getCause());
        }
        return new Answer(response.statusCode(), response.headers(), response.body());
    }

    /** Why an answer is refused on its status line and headers alone: a redirect, or a declared length past the cap. */
    private static @Nullable OutboundFailed refusal(URI uri, AnswerLimits limits, HttpResponse.ResponseInfo info) {
        int status = info.statusCode();
        if (status >= 300 && status < 400) {
            return OutboundFailed.redirected(
                    uri, status, info.headers().firstValue("Location").orElse(null));
        }
        if (info.headers().firstValueAsLong("Content-Length").orElse(-1)
                > limits.maxSize().toBytes()) {
            return OutboundFailed.tooLarge(uri, limits.maxSize());
        }
        return null;
    }

    /** Stops reading the body (if it started) and cancels the exchange, which closes its connection. */
    private static void abandon(CompletableFuture<?> pending, @Nullable BoundedBody body, RuntimeException why) {
        if (body != null) {
            body.cancel(why);
        }
        pending.cancel(true);
    }

    private static OutboundFailed failure(URI uri, AnswerLimits limits, @Nullable Throwable cause) {
        Throwable t = cause;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof OutboundFailed failed) {
            return failed;
        }
        if (t instanceof HttpTimeoutException) {
            return OutboundFailed.timedOut(uri, limits.timeout());
        }
        return OutboundFailed.unreachable(uri, t == null ? new IOException("no cause") : t);
    }
}
