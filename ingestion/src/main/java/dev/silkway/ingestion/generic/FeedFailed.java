package dev.silkway.ingestion.generic;

import dev.silkway.platform.outbound.OutboundFailed;

/**
 * A page of a generic-JSON feed could not be fetched. Rejected credentials (401/403) and rejected requests (other
 * 4xx, an answer without the declared item list) are not retried: the run fails with this message for the operator.
 */
public final class FeedFailed extends RuntimeException {

    private final boolean retryable;

    private FeedFailed(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    static FeedFailed status(String code, int status) {
        if (status == 401 || status == 403) {
            return new FeedFailed(
                    code + ": the feed refused our credentials (HTTP " + status + "); check the declared auth",
                    false,
                    null);
        }
        boolean retryable = status == 429 || status >= 500;
        return new FeedFailed(code + ": the feed answered HTTP " + status, retryable, null);
    }

    static FeedFailed io(String code, Exception cause) {
        return new FeedFailed(
                code + ": the feed is unreachable (" + cause.getClass().getSimpleName() + ")", true, cause);
    }

    /** The answer was cut off (too large, past its deadline), refused (a redirect) or never came. */
    static FeedFailed outbound(String code, OutboundFailed failure) {
        return new FeedFailed(code + ": " + failure.getMessage(), failure.retryable(), failure);
    }

    /** The feed's address is refused (see {@code egress.FeedAddresses}); never retried. */
    static FeedFailed refused(String code, String reason) {
        return new FeedFailed(code + ": the feed's address is refused: " + reason, false, null);
    }

    /** Anything unexpected: the operator sees no internal text, the log has the cause. */
    static FeedFailed internal(String code, RuntimeException cause) {
        return new FeedFailed(
                code + ": the page could not be read (internal error, see the ingestion log)", false, cause);
    }

    static FeedFailed malformed(String code, String what) {
        return new FeedFailed(code + ": " + what, false, null);
    }

    boolean retryable() {
        return retryable;
    }
}
