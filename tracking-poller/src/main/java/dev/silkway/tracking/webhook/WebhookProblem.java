package dev.silkway.tracking.webhook;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The webhook endpoint's own refusals, as problem details. */
final class WebhookProblem extends ErrorResponseException {

    private WebhookProblem(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    static WebhookProblem unknownCarrier(String carrier) {
        return new WebhookProblem(HttpStatus.NOT_FOUND, "No webhook is received for carrier " + carrier);
    }

    static WebhookProblem tooLarge(int max) {
        return new WebhookProblem(HttpStatus.CONTENT_TOO_LARGE, "A webhook body is at most " + max + " bytes");
    }
}
