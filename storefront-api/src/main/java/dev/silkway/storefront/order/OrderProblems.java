package dev.silkway.storefront.order;

import dev.silkway.storefront.web.ApiException;
import org.springframework.http.HttpStatus;

/** The ways placing or moving an order is refused, each with its problem type. */
final class OrderProblems {

    private OrderProblems() {}

    static final class IllegalTransition extends ApiException {
        private IllegalTransition(OrderStatus from, OrderStatus to) {
            super(
                    HttpStatus.CONFLICT,
                    "illegal-transition",
                    "Illegal transition",
                    "An order in " + from + " cannot move to " + to + ".");
        }

        static IllegalTransition of(OrderStatus from, OrderStatus to) {
            return new IllegalTransition(from, to);
        }
    }

    static final class OutOfStock extends ApiException {
        private OutOfStock(long skuId) {
            super(
                    HttpStatus.CONFLICT,
                    "out-of-stock",
                    "Out of stock",
                    "SKU " + skuId + " no longer has the units ordered; review the cart.");
        }

        static OutOfStock forSku(long skuId) {
            return new OutOfStock(skuId);
        }
    }

    static final class QuoteNotUsable extends ApiException {
        private QuoteNotUsable(String type, String title, String detail) {
            super(HttpStatus.CONFLICT, type, title, detail);
        }

        static QuoteNotUsable expired() {
            return new QuoteNotUsable("quote-expired", "Quote expired", "The quote has expired; ask for a new one.");
        }

        static QuoteNotUsable blocked() {
            return new QuoteNotUsable(
                    "blocked-lines",
                    "Goods cannot travel",
                    "Some lines cannot travel by the chosen delivery line (see the quote's blockedLines).");
        }

        static QuoteNotUsable alreadyOrdered() {
            return new QuoteNotUsable("quote-used", "Quote already ordered", "An order was already placed from it.");
        }
    }

    static final class KeyReused extends ApiException {
        private KeyReused() {
            super(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "This Idempotency-Key was used for a different request.");
        }

        static KeyReused withOtherBody() {
            return new KeyReused();
        }
    }
}
