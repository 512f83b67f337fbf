package dev.silkway.sandbox.nowpayments;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The JWTs of {@code POST /v1/auth}: a token the shape of NOWPayments' (three base64url parts, HS256 header), valid
 * for {@code token-lifetime}; a token is only ever checked against the ones issued here.
 */
@Component
class NowPaymentsTokens {

    enum Check {
        VALID,
        MISSING,
        EXPIRED
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final NowPaymentsSandboxProperties properties;
    private final Clock clock;
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();

    NowPaymentsTokens(NowPaymentsSandboxProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    String issue() {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.tokenLifetime());
        issued.values().removeIf(e -> e.isBefore(now));
        String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = B64.encodeToString(
                ("{\"id\":\"sandbox\",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + expires.getEpochSecond() + "}")
                        .getBytes(StandardCharsets.UTF_8));
        String token = header + "." + claims + "."
                + B64.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        issued.put(token, expires);
        return token;
    }

    Check check(@Nullable String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Check.MISSING;
        }
        Instant expires = issued.get(authorization.substring(7).strip());
        if (expires == null) {
            return Check.MISSING;
        }
        return expires.isAfter(clock.instant()) ? Check.VALID : Check.EXPIRED;
    }
}
