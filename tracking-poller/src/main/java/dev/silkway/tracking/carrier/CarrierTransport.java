package dev.silkway.tracking.carrier;

import dev.silkway.platform.outbound.Answer;
import dev.silkway.platform.outbound.AnswerLimits;
import dev.silkway.platform.outbound.OutboundFailed;
import dev.silkway.platform.outbound.OutboundHttp;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * One carrier platform's HTTP: each request one bounded {@link OutboundHttp} call (answer size and time capped,
 * redirects refused), never retried here (the poller paces and retries across instances). Unreachable, past its
 * deadline or 5xx: {@link CarrierUnavailable}; HTTP 429: {@link CarrierUnavailable#rateLimited} with the
 * {@code Retry-After} it sent (one second when none).
 */
public final class CarrierTransport {

    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final String api;
    private final OutboundHttp http;
    private final AnswerLimits limits;

    public CarrierTransport(String api, Duration connectTimeout, AnswerLimits limits) {
        this.api = api;
        this.http = OutboundHttp.create(connectTimeout);
        this.limits = limits;
    }

    public Answer send(HttpRequest.Builder request) {
        Answer answer;
        try {
            answer = http.send(request, limits);
        } catch (OutboundFailed e) {
            throw CarrierUnavailable.of(api, e.getMessage(), e);
        }
        if (answer.status() == 429) {
            throw CarrierUnavailable.rateLimited(api, retryAfter(answer));
        }
        if (answer.status() >= 500) {
            throw CarrierUnavailable.of(api, "HTTP " + answer.status(), null);
        }
        return answer;
    }

    public String api() {
        return api;
    }

    static Duration retryAfter(Answer answer) {
        return answer.headers()
                .firstValue("Retry-After")
                .filter(v -> v.matches("\\d{1,5}"))
                .map(v -> Duration.ofSeconds(Math.max(1, Long.parseLong(v))))
                .orElse(DEFAULT_RETRY_AFTER);
    }
}
