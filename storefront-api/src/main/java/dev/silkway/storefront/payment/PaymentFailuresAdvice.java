package dev.silkway.storefront.payment;

import dev.silkway.storefront.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The payment contract's failures as problems: a provider that cannot be reached is a 503 with
 * Retry-After (the order waits, paying again sends the same attempt), one that refuses is a 502 with its
 * code, a webhook not trusted is its 400 / 401. Never a secret: the messages name the provider and code.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentFailuresAdvice {

    private static final Logger log = LoggerFactory.getLogger(PaymentFailuresAdvice.class);

    @ExceptionHandler(PaymentProviderUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(PaymentProviderUnavailable e) {
        log.warn("{}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "payment-provider-unavailable",
                        "Payment provider unavailable",
                        "The payment provider " + e.provider()
                                + " cannot be reached just now. The order is kept; pay it again in a moment"
                                + " (POST /api/v1/orders/{id}/pay)."));
    }

    @ExceptionHandler(PaymentProviderRefused.class)
    ResponseEntity<ProblemDetail> refused(PaymentProviderRefused e) {
        log.warn("{}", e.getMessage());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                .body(Problems.of(
                        HttpStatus.BAD_GATEWAY,
                        "payment-provider-refused",
                        "Payment provider refused",
                        "The payment provider " + e.provider() + " refused the request (" + e.code() + ")."));
    }

    @ExceptionHandler(WebhookRejected.class)
    ResponseEntity<ProblemDetail> rejected(WebhookRejected e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        return ResponseEntity.status(status)
                .body(Problems.of(status, "webhook-rejected", "Webhook rejected", e.getMessage()));
    }
}
