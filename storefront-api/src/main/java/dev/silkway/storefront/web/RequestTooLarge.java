package dev.silkway.storefront.web;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Thrown by the size-limited request stream once a body passes the limit. */
final class RequestTooLarge extends IOException {

    RequestTooLarge() {
        super("Request body too large", null);
    }

    static ProblemDetail problem() {
        return Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "body-too-large",
                "Request body too large",
                "The request body is too large.");
    }

    static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestTooLarge) {
                return true;
            }
        }
        return false;
    }
}
