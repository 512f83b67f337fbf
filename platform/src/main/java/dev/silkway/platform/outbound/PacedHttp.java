package dev.silkway.platform.outbound;

import dev.silkway.platform.pacing.RateLimiter;
import dev.silkway.platform.retry.Retry;
import java.net.http.HttpRequest;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The calls of one client to one outside API: each attempt waits for the client's rate limiter and is one
 * {@link OutboundHttp} exchange within the {@link AnswerLimits} (size and deadline, redirects refused), and the
 * platform {@link Retry} tries again what its predicate takes. A 429 or 5xx answer and a failed exchange become the
 * client's own exceptions ({@link Failures}), so that its retry predicate and its callers see one vocabulary; the
 * decoder reads every other answer and may throw too. The request is built afresh for each attempt (a fresh
 * timestamp and signature).
 */
public final class PacedHttp {

    /** What a client makes of an answer that says "later" and of an exchange that failed. */
    public interface Failures {

        /** For a 429 or 5xx answer. */
        RuntimeException answered(Answer answer);

        /** For an exchange that failed (see {@link OutboundFailed#retryable()}). */
        RuntimeException failed(OutboundFailed failure);
    }

    private final OutboundHttp http;
    private final AnswerLimits limits;
    private final RateLimiter limiter;
    private final Retry retry;
    private final Failures failures;

    public PacedHttp(OutboundHttp http, AnswerLimits limits, RateLimiter limiter, Retry retry, Failures failures) {
        this.http = http;
        this.limits = limits;
        this.limiter = limiter;
        this.retry = retry;
        this.failures = failures;
    }

    /** Sends the request (built afresh per attempt) and decodes its answer, retrying what may succeed later. */
    public <T> T call(Supplier<HttpRequest.Builder> request, Function<Answer, T> decode) {
        return retry.call(() -> {
            limiter.acquire();
            Answer answer;
            try {
                answer = http.send(request.get(), limits);
            } catch (OutboundFailed e) {
                throw failures.failed(e);
            }
            if (answer.status() == 429 || answer.status() >= 500) {
                throw failures.answered(answer);
            }
            return decode.apply(answer);
        });
    }
}
