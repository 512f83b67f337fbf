package dev.silkway.storefront.order;

import dev.silkway.storefront.delivery.DeliveryMethod;
import dev.silkway.storefront.web.NotFound;
import dev.silkway.storefront.web.ValidationFailed;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** The shopper's orders: place (idempotent), read, cancel. Another shopper's order is a 404. */
@RestController
@RequestMapping("/api/v1/orders")
class OrdersController {

    private final OrderPlacement placement;
    private final OrderLifecycle lifecycle;
    private final Orders orders;
    private final OrderPayments payments;
    private final OrderShipments shipments;
    private final ObjectMapper json;
    private final Clock clock;
    private final ObjectProvider<OrderFulfilment> fulfilment;

    OrdersController(
            OrderPlacement placement,
            OrderLifecycle lifecycle,
            Orders orders,
            OrderPayments payments,
            OrderShipments shipments,
            ObjectMapper json,
            Clock clock,
            ObjectProvider<OrderFulfilment> fulfilment) {
        this.placement = placement;
        this.shipments = shipments;
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.payments = payments;
        this.json = json;
        this.clock = clock;
        this.fulfilment = fulfilment;
    }

    @PostMapping
    ResponseEntity<OrderView> place(
            @AuthenticationPrincipal Jwt jwt,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody PlaceRequest request) {
        if (key == null || key.isBlank() || key.length() > 128) {
            throw ValidationFailed.field("Idempotency-Key", "a header of 1 to 128 characters is required");
        }
        UUID userId = UUID.fromString(jwt.getSubject());
        var placed = placement.place(new PlaceOrder(
                userId,
                key.strip(),
                request.quoteId(),
                request.addressId(),
                request.deliveryMethod(),
                request.paymentMethod(),
                Boolean.TRUE.equals(request.split())));
        if (placed.written() != null) {
            // after the order's transaction: a provider that is down answers 503, the order waits for /pay
            var payment = payments.send(placed.written().payment());
            return ResponseEntity.created(URI.create("/api/v1/orders/" + placed.orderId()))
                    .body(OrderView.placed(placed.written(), payment.link(), payment.payments()));
        }
        OrderRecord order = orders.of(userId, placed.orderId()).orElseThrow(() -> NotFound.of("order"));
        if (order.status() == OrderStatus.AWAITING_PAYMENT
                && (order.reservedUntil() == null || order.reservedUntil().isAfter(clock.instant()))) {
            payments.open(order.id());
        }
        return ResponseEntity.ok(view(userId, placed.orderId()));
    }

    @GetMapping("/{id}")
    OrderView order(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return view(UUID.fromString(jwt.getSubject()), id).withShipments(shipments.of(id));
    }

    /**
     * Pays an order whose payment failed, was declined or expired: the live attempt when there is one,
     * else a new attempt (never a second charge: one succeeded payment per order).
     */
    @PostMapping("/{id}/pay")
    @Operation(
            summary = "Pay an order again: its live attempt, or a new one after a failure, decline or expiry",
            description = "Answers the order with payment {provider, confirmationUrl, expiresAt}. Never a second"
                    + " charge. 409 order-not-payable when it is not awaiting payment or its reservation ended;"
                    + " 503 payment-provider-unavailable when the provider is down (call again).")
    OrderView pay(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        UUID userId = UUID.fromString(jwt.getSubject());
        orders.of(userId, id).orElseThrow(() -> NotFound.of("order"));
        payments.open(id);
        return view(userId, id);
    }

    /** The order's tracking timeline alone: every shipment's events, newest first. */
    @GetMapping("/{id}/tracking")
    Timeline tracking(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        OrderRecord order = orders.of(UUID.fromString(jwt.getSubject()), id).orElseThrow(() -> NotFound.of("order"));
        List<OrderShipments.Event> events = shipments.of(order.id()).stream()
                .flatMap(s -> s.events().stream())
                .sorted(Comparator.comparing(OrderShipments.Event::at).reversed())
                .toList();
        return new Timeline(order.id(), order.status().name(), events);
    }

    record Timeline(UUID orderId, String status, List<OrderShipments.Event> events) {}

    @PostMapping("/{id}/cancel")
    OrderView cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        UUID userId = UUID.fromString(jwt.getSubject());
        lifecycle.cancelByShopper(userId, id);
        return view(userId, id);
    }

    private OrderView view(UUID userId, UUID id) {
        OrderRecord order = orders.of(userId, id).orElseThrow(() -> NotFound.of("order"));
        return OrderView.detail(order, orders, payments, json, fulfilment.getIfAvailable());
    }

    record PlaceRequest(
            @NotNull UUID quoteId,
            @NotNull UUID addressId,
            @NotNull DeliveryMethod deliveryMethod,
            @NotNull PaymentMethod paymentMethod,
            @Nullable Boolean split) {}
}
