package dev.silkway.tracking.webhook;

import dev.silkway.tracking.carrier.CarrierUnavailable;
import dev.silkway.tracking.carrier.CarrierWebhookRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused delivery is a problem: unknown carrier 404, forged 401, sender not allowed 403, not
 * understood 400; a carrier that could not be asked back (CDEK's re-fetch) 503, so it retries.
 */
@RestControllerAdvice(assignableTypes = CarrierWebhooksController.class)
class WebhookProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(WebhookProblemHandler.class);

    @ExceptionHandler
    ProblemDetail rejected(CarrierWebhookRejected e) {
        HttpStatus status = switch (e.reason()) {
            case UNKNOWN_CARRIER -> HttpStatus.NOT_FOUND;
            case FORGED -> HttpStatus.UNAUTHORIZED;
            case SOURCE_NOT_ALLOWED -> HttpStatus.FORBIDDEN;
            case MALFORMED -> HttpStatus.BAD_REQUEST;
        };
        log.info("Carrier webhook refused: {}", e.reason());
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle("Webhook refused: "
                + e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unavailable(CarrierUnavailable e) {
        log.info("Carrier webhook not applied, the carrier could not be asked back: {}", e.api());
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The carrier could not be reached; retry later");
    }
}
