package dev.silkway.tracking.carrier;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A tracking request that failed: unreachable, 5xx, past its deadline, or rate-limited (retryAfter set). */
public final class CarrierUnavailable extends RuntimeException {

    private final String api;
    private final @Nullable Duration retryAfter;

    private CarrierUnavailable(String api, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(message, cause);
        this.api = api;
        this.retryAfter = retryAfter;
    }

    public static CarrierUnavailable of(String api, String what, @Nullable Throwable cause) {
        return new CarrierUnavailable(api, api + " unavailable: " + what, null, cause);
    }

    public static CarrierUnavailable rateLimited(String api, Duration retryAfter) {
        return new CarrierUnavailable(api, api + " rate limit reached, retry after " + retryAfter, retryAfter, null);
    }

    public String api() {
        return api;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
