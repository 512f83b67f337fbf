package dev.silkway.storefront.fulfilment;

import dev.silkway.storefront.web.ApiException;
import org.springframework.http.HttpStatus;

/** The ways fulfilment's endpoints refuse a request, each with its problem type. */
final class FulfilmentProblems {

    private FulfilmentProblems() {}

    /** A partner callback that is not accepted: forged, stale or replayed. Nothing was changed. */
    static final class CallbackRefused extends ApiException {
        private CallbackRefused(HttpStatus status, String type, String title, String detail) {
            super(status, type, title, detail);
        }

        static CallbackRefused forged() {
            return new CallbackRefused(
                    HttpStatus.UNAUTHORIZED,
                    "partner-signature-invalid",
                    "Invalid signature",
                    "The callback's key or signature does not match.");
        }

        static CallbackRefused stale() {
            return new CallbackRefused(
                    HttpStatus.BAD_REQUEST,
                    "partner-timestamp-stale",
                    "Stale callback",
                    "The callback's timestamp is missing or outside the accepted window.");
        }

        static CallbackRefused replayed() {
            return new CallbackRefused(
                    HttpStatus.BAD_REQUEST,
                    "partner-callback-replayed",
                    "Replayed callback",
                    "This signed callback was received before.");
        }

        static CallbackRefused malformed(String what) {
            return new CallbackRefused(
                    HttpStatus.BAD_REQUEST, "partner-callback-malformed", "Malformed callback", what);
        }

        static CallbackRefused concurrent() {
            return new CallbackRefused(
                    HttpStatus.CONFLICT,
                    "partner-callback-in-progress",
                    "Callback in progress",
                    "The same event is being processed; send it again later.");
        }
    }

    /** A substitution that can no longer be accepted or declined. */
    static final class SubstitutionClosed extends ApiException {
        private SubstitutionClosed(String status) {
            super(
                    HttpStatus.CONFLICT,
                    "substitution-closed",
                    "Substitution closed",
                    "The substitution is " + status + " and can no longer be answered.");
        }

        static SubstitutionClosed of(String status) {
            return new SubstitutionClosed(status);
        }
    }

    /** A weight difference decided before. */
    static final class AlreadyDecided extends ApiException {
        private AlreadyDecided(String status) {
            super(
                    HttpStatus.CONFLICT,
                    "weight-difference-decided",
                    "Already decided",
                    "The weight difference was already decided (" + status + ").");
        }

        static AlreadyDecided as(String status) {
            return new AlreadyDecided(status);
        }
    }
}
