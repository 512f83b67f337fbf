package dev.silkway.sandbox.stripe;

import org.springframework.http.ResponseEntity;

/** A request the simulated account refuses, carrying Stripe's error answer. */
final class StripeRefused extends RuntimeException {

    private final transient ResponseEntity<String> answer;

    private StripeRefused(ResponseEntity<String> answer) {
        super(answer.getBody(), null, false, false);
        this.answer = answer;
    }

    static StripeRefused with(ResponseEntity<String> answer) {
        return new StripeRefused(answer);
    }

    ResponseEntity<String> answer() {
        return answer;
    }
}
