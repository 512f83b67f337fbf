package dev.silkway.platform.outbound;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * An outside call that ended without a usable answer. {@link #retryable()}: an unreachable server or a missed
 * deadline may do better later; an oversized answer or a redirect will not.
 */
public final class OutboundFailed extends RuntimeException {

    public enum Kind {
        TOO_LARGE,
        TIMED_OUT,
        REDIRECTED,
        UNREACHABLE
    }

    private final Kind kind;

    private OutboundFailed(Kind kind, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    static OutboundFailed tooLarge(URI uri, DataSize max) {
        return new OutboundFailed(
                Kind.TOO_LARGE,
                "the answer of " + where(uri) + " is larger than " + max.toBytes() + " bytes; reading stopped",
                null);
    }

    static OutboundFailed timedOut(URI uri, Duration timeout) {
        return new OutboundFailed(
                Kind.TIMED_OUT,
                "the answer of " + where(uri) + " did not arrive in full within " + timeout.toSeconds() + " s",
                null);
    }

    static OutboundFailed redirected(URI uri, int status, @Nullable String location) {
        return new OutboundFailed(
                Kind.REDIRECTED,
                where(uri) + " answered a redirect (HTTP " + status + (location == null ? "" : " to " + location)
                        + "); redirects are not followed",
                null);
    }

    static OutboundFailed unreachable(URI uri, Throwable cause) {
        return new OutboundFailed(
                Kind.UNREACHABLE,
                where(uri) + " is unreachable or dropped the connection ("
                        + cause.getClass().getSimpleName() + ")",
                cause);
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.TIMED_OUT || kind == Kind.UNREACHABLE;
    }

    /** Scheme, host and port: never the query, which may carry keys or signatures. */
    private static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
