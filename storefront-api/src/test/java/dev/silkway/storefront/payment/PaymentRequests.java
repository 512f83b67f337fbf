package dev.silkway.storefront.payment;

import dev.silkway.storefront.payment.http.ProviderBounds;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.util.unit.DataSize;

/** Payment requests and call bounds for the gateways' tests. */
public final class PaymentRequests {

    private PaymentRequests() {}

    /** The first attempt of a new order of {@code amount} kopecks, expiring in an hour. */
    public static PaymentRequest of(long amount, PaymentRequest.PaymentKind kind) {
        UUID order = UUID.randomUUID();
        return new PaymentRequest(
                order,
                "SW-" + order.toString().substring(0, 8),
                UUID.randomUUID(),
                1,
                "order-" + order + "-attempt-1",
                amount,
                "RUB",
                kind,
                "Silkway order",
                "http://127.0.0.1:8080/orders/" + order,
                Instant.now().plus(Duration.ofHours(1)),
                null);
    }

    /** Bounds for tests: fast retries (3 attempts, 50 ms first wait), no pacing to speak of. */
    public static ProviderBounds bounds(Duration deadline, int pageSize) {
        return new ProviderBounds(
                Duration.ofSeconds(2),
                deadline,
                DataSize.ofKilobytes(256),
                1_000,
                pageSize,
                20,
                3,
                Duration.ofMillis(50),
                Duration.ofSeconds(10));
    }
}
