package dev.silkway.platform.outbound;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * A body read a buffer at a time into memory, never more than {@code max} bytes: the first buffer past the cap
 * cancels the subscription (which closes the connection) and fails the answer. {@link #cancel} ends it from outside
 * (the answer's deadline passed).
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final URI uri;
    private final DataSize max;
    private final @Nullable OutboundFailed refusal;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<ByteBuffer> buffers = new ArrayList<>();
    private volatile Flow.@Nullable Subscription subscription;
    private long received;

    /** With a {@code refusal} (a redirect, a declared length past the cap) none of the body is read. */
    BoundedBody(URI uri, DataSize max, @Nullable OutboundFailed refusal) {
        this.uri = uri;
        this.max = max;
        this.refusal = refusal;
        if (refusal != null) {
            result.completeExceptionally(refusal);
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (refusal != null) {
            subscription.cancel();
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : items) {
            received += buffer.remaining();
            if (received > max.toBytes()) {
                buffers.clear();
                cancel(OutboundFailed.tooLarge(uri, max));
                return;
            }
            buffers.add(buffer);
        }
        Flow.Subscription s = subscription;
        if (s != null) {
            s.request(1);
        }
    }

    @Override
    public void onError(Throwable failure) {
        buffers.clear();
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        byte[] body = new byte[Math.toIntExact(received)];
        int at = 0;
        for (ByteBuffer buffer : buffers) {
            int n = buffer.remaining();
            buffer.get(body, at, n);
            at += n;
        }
        buffers.clear();
        result.complete(body);
    }

    /** Stops reading: the connection is released and the answer fails with {@code why}. */
    void cancel(RuntimeException why) {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.completeExceptionally(why);
    }
}
