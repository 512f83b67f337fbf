package dev.silkway.sandbox.cdek;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The access tokens the CDEK simulator issued and when each expires; expired ones are forgotten as they are met. */
@Component
class CdekTokens {

    static final int MAX_LIVE = 10_000;

    private final Clock clock;
    private final Map<String, Instant> live = new ConcurrentHashMap<>();

    CdekTokens(Clock clock) {
        this.clock = clock;
    }

    String issue(Duration lifetime) {
        if (live.size() >= MAX_LIVE) {
            Instant now = clock.instant();
            live.values().removeIf(expiry -> !expiry.isAfter(now));
        }
        String token = UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", "");
        live.put(token, clock.instant().plus(lifetime));
        return token;
    }

    /** Whether {@code Authorization} carries a token issued here and not yet expired. */
    boolean valid(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String token = authorization.substring(7).trim();
        Instant expiry = live.get(token);
        if (expiry == null) {
            return false;
        }
        if (!expiry.isAfter(clock.instant())) {
            live.remove(token);
            return false;
        }
        return true;
    }
}
