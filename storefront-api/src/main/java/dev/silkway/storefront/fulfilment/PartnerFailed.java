package dev.silkway.storefront.fulfilment;

import dev.silkway.platform.outbound.OutboundFailed;
import org.jspecify.annotations.Nullable;

/**
 * A partner call that gave no usable answer. {@link #retryable()}: rate limits, 5xx, timeouts and broken connections
 * may do better later; a refused signature or request will not until someone looks. The message never holds the
 * secret or the body.
 */
final class PartnerFailed extends RuntimeException {

    private final boolean retryable;

    private PartnerFailed(String message, boolean retryable, @Nullable Throwable cause) {
        super(message, cause, false, false);
        this.retryable = retryable;
    }

    boolean retryable() {
        return retryable;
    }

    static PartnerFailed unavailable(int status) {
        return new PartnerFailed("the partner answered HTTP " + status, true, null);
    }

    static PartnerFailed outbound(OutboundFailed cause) {
        return new PartnerFailed(cause.getMessage(), cause.retryable(), cause);
    }

    static PartnerFailed interrupted() {
        return new PartnerFailed("interrupted while calling the partner", false, null);
    }

    static PartnerFailed rejected(int status, String code) {
        return new PartnerFailed("the partner refused the request: HTTP " + status + " " + code, false, null);
    }

    static PartnerFailed malformed(String what) {
        return new PartnerFailed("the partner answered " + what, true, null);
    }
}
