package dev.silkway.storefront.payment;

import dev.silkway.storefront.web.ApiException;
import org.springframework.http.HttpStatus;

/** The ways paying or refunding is refused, each with its problem type. */
final class PaymentProblems {

    private PaymentProblems() {}

    static final class NotPayable extends ApiException {
        private NotPayable(String detail) {
            super(HttpStatus.CONFLICT, "order-not-payable", "Order cannot be paid", detail);
        }

        static NotPayable inStatus(String status) {
            return new NotPayable("An order in " + status + " cannot be paid.");
        }

        static NotPayable reservationEnded() {
            return new NotPayable("The order's reservation has ended; it will be cancelled. Place it again.");
        }
    }

    static final class NothingToRefund extends ApiException {
        private NothingToRefund(String detail) {
            super(HttpStatus.CONFLICT, "nothing-to-refund", "Nothing to refund", detail);
        }

        static NothingToRefund left() {
            return new NothingToRefund("The order has nothing left to refund for this request.");
        }
    }
}
