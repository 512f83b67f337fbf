package dev.silkway.storefront.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderStatusTest {

    @Test
    void followsTheHappyPathFromAwaitingPaymentToDelivered() {
        OrderStatus[] path = {
            OrderStatus.AWAITING_PAYMENT,
            OrderStatus.PAID,
            OrderStatus.PURCHASING,
            OrderStatus.PURCHASED,
            OrderStatus.AT_WAREHOUSE,
            OrderStatus.SHIPPED,
            OrderStatus.IN_CUSTOMS,
            OrderStatus.ARRIVED,
            OrderStatus.OUT_FOR_DELIVERY,
            OrderStatus.DELIVERED
        };
        for (int i = 1; i < path.length; i++) {
            assertThat(path[i - 1].canMoveTo(path[i]))
                    .as("%s -> %s", path[i - 1], path[i])
                    .isTrue();
        }
    }

    @Test
    void refusesSkippingStepsGoingBackAndLeavingAFinalStatus() {
        assertThat(OrderStatus.AWAITING_PAYMENT.canMoveTo(OrderStatus.SHIPPED)).isFalse();
        assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.PAID)).isFalse();
        assertThat(OrderStatus.AT_WAREHOUSE.canMoveTo(OrderStatus.DELIVERED)).isFalse();
        for (OrderStatus next : OrderStatus.values()) {
            assertThat(OrderStatus.CANCELLED.canMoveTo(next)).isFalse();
            assertThat(OrderStatus.REFUNDED.canMoveTo(next)).isFalse();
        }
    }

    @Test
    void aCarrierMaySkipStepsButNeverGoesBack() {
        assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.DELIVERED)).isTrue();
        assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.OUT_FOR_DELIVERY)).isTrue();
        assertThat(OrderStatus.IN_CUSTOMS.canMoveTo(OrderStatus.OUT_FOR_DELIVERY))
                .isTrue();
        assertThat(OrderStatus.SHIPPED.carriedBefore(OrderStatus.ARRIVED)).isTrue();
        assertThat(OrderStatus.ARRIVED.carriedBefore(OrderStatus.IN_CUSTOMS)).isFalse();
        assertThat(OrderStatus.DELIVERED.carriedBefore(OrderStatus.DELIVERED)).isFalse();
        assertThat(OrderStatus.AT_WAREHOUSE.carriedBefore(OrderStatus.ARRIVED)).isFalse();
        assertThat(OrderStatus.OUT_FOR_DELIVERY.canMoveTo(OrderStatus.ARRIVED)).isFalse();
    }

    @Test
    void aShopperCancelsUntilPurchasedAndAPaidOrderGoesToRefund() {
        assertThat(OrderStatus.AWAITING_PAYMENT.cancelledByShopper()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderStatus.PAID.cancelledByShopper()).isEqualTo(OrderStatus.REFUND_PENDING);
        assertThat(OrderStatus.PURCHASING.cancellableByShopper()).isTrue();
        assertThat(OrderStatus.PURCHASED.cancellableByShopper()).isFalse();
    }

    @Test
    void stockIsHeldOnlyUntilTheGoodsAreBought() {
        assertThat(OrderStatus.AWAITING_PAYMENT.holdsStock()).isTrue();
        assertThat(OrderStatus.PURCHASING.holdsStock()).isTrue();
        assertThat(OrderStatus.PURCHASED.holdsStock()).isFalse();
        assertThat(OrderStatus.CANCELLED.holdsStock()).isFalse();
    }
}
