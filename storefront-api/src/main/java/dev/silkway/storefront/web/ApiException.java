package dev.silkway.storefront.web;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure the client caused or must know about, rendered as an RFC 9457 problem. Subclasses per
 * case, with static factories; the detail is written for the client and never holds personal data.
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final @Nullable Duration retryAfter;

    protected ApiException(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    protected ApiException(HttpStatus status, String type, String title, String detail, @Nullable Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.retryAfter = retryAfter;
    }

    public HttpStatus status() {
        return status;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    ProblemDetail toProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(URI.create(Problems.TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
