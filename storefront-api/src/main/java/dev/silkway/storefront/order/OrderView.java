package dev.silkway.storefront.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.silkway.storefront.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * An order in the API: lines, the quote's lines, the status history; where to pay ({@code payment}:
 * the live attempt's provider page), the order's payment attempts and refunds, its fulfilment (purchases,
 * warehouse, substitutions) and its shipments (legs, events, ETA).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderView(
        UUID id,
        long number,
        String status,
        Money total,
        String deliveryMethod,
        String paymentMethod,
        String country,
        boolean split,
        @Nullable Instant reservedUntil,
        Instant createdAt,
        List<Line> lines,
        @Nullable List<QuoteLineView> quoteLines,
        @Nullable List<Orders.Transition> statusHistory,
        OrderPayments.@Nullable PaymentLink payment,
        @Nullable List<OrderPayments.PaymentEntry> payments,
        @Nullable List<OrderPayments.RefundEntry> refunds,
        @Nullable Object fulfilment,
        @Nullable List<OrderShipments.Shipment> shipments) {

    static OrderView summary(OrderRecord order) {
        return of(order, List.of(), null, null);
    }

    /** This view with where to pay, the payment attempts, the refunds and the fulfilment block. */
    OrderView withPayments(
            OrderPayments.@Nullable PaymentLink link,
            List<OrderPayments.PaymentEntry> attempts,
            List<OrderPayments.RefundEntry> refundEntries,
            @Nullable Object fulfilmentView) {
        return new OrderView(
                id,
                number,
                status,
                total,
                deliveryMethod,
                paymentMethod,
                country,
                split,
                reservedUntil,
                createdAt,
                lines,
                quoteLines,
                statusHistory,
                link,
                attempts,
                refundEntries,
                fulfilmentView,
                shipments);
    }

    OrderView withShipments(List<OrderShipments.Shipment> of) {
        return new OrderView(
                id,
                number,
                status,
                total,
                deliveryMethod,
                paymentMethod,
                country,
                split,
                reservedUntil,
                createdAt,
                lines,
                quoteLines,
                statusHistory,
                payment,
                payments,
                refunds,
                fulfilment,
                of);
    }

    static OrderView of(
            OrderRecord order,
            List<Orders.Line> lines,
            @Nullable List<QuoteLineView> quoteLines,
            @Nullable List<Orders.Transition> history) {
        return new OrderView(
                order.id(),
                order.number(),
                order.status().name(),
                Money.rub(order.total()),
                order.deliveryMethod(),
                order.paymentMethod(),
                order.country(),
                order.split(),
                order.status() == OrderStatus.AWAITING_PAYMENT ? order.reservedUntil() : null,
                order.createdAt(),
                lines.stream().map(Line::of).toList(),
                quoteLines,
                history,
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * The order's full view: lines, quote lines (from the snapshot), history, payments and refunds, and the
     * fulfilment block once purchasing started.
     */
    static OrderView detail(
            OrderRecord order,
            Orders orders,
            OrderPayments payments,
            ObjectMapper json,
            @Nullable OrderFulfilment fulfilment) {
        boolean payable =
                order.status() == OrderStatus.AWAITING_PAYMENT || order.status() == OrderStatus.PARTIALLY_PAID;
        return detail(order, orders, json)
                .withPayments(
                        payable ? payments.current(order.id()).orElse(null) : null,
                        payments.payments(order.id()),
                        payments.refunds(order.id()),
                        fulfilment == null ? null : fulfilment.of(order.id()));
    }

    /**
     * The full view of an order this request placed, from what it wrote: nothing to read back but its
     * payment attempts (no refund, purchase or shipment exists before the order is paid).
     */
    static OrderView placed(
            OrderPlacement.Written written,
            OrderPayments.@Nullable PaymentLink payment,
            List<OrderPayments.PaymentEntry> payments) {
        return of(
                        written.order(),
                        written.lines(),
                        written.quoteLines().stream()
                                .map(l -> new QuoteLineView(
                                        l.kind().name(), Money.rub(l.amount()), String.valueOf(l.detail())))
                                .toList(),
                        List.of(written.placed()))
                .withPayments(
                        payment == null || payment.confirmationUrl() == null ? null : payment,
                        payments,
                        List.of(),
                        null);
    }

    private static OrderView detail(OrderRecord order, Orders orders, ObjectMapper json) {
        List<Map<String, Object>> quoteLines =
                json.readValue(orders.quoteLines(order.id()), new TypeReference<List<Map<String, Object>>>() {});
        return of(
                order,
                orders.lines(order.id()),
                quoteLines.stream()
                        .map(l -> new QuoteLineView(
                                String.valueOf(l.get("kind")),
                                Money.rub(((Number) l.get("amount")).longValue()),
                                String.valueOf(l.get("detail"))))
                        .toList(),
                orders.history(order.id()));
    }

    record Line(
            long id,
            @Nullable String productId,
            @Nullable String skuId,
            String title,
            Map<String, Object> skuAttributes,
            @Nullable String imageUrl,
            int quantity,
            Money unitPriceCny,
            Money unitPrice,
            Money lineTotal) {

        static Line of(Orders.Line line) {
            return new Line(
                    line.id(),
                    line.productId() == null ? null : Long.toString(line.productId()),
                    line.skuId() == null ? null : Long.toString(line.skuId()),
                    line.title(),
                    line.skuAttributes(),
                    line.imageUrl(),
                    line.quantity(),
                    Money.cny(line.sourceUnitPrice()),
                    Money.rub(line.unitPrice()),
                    Money.rub(line.lineTotal()));
        }
    }

    record QuoteLineView(String kind, Money amount, String detail) {}
}
