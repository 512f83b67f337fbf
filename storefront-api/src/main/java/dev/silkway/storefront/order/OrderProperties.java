package dev.silkway.storefront.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Orders.
 *
 * @param reservation how long a new order holds its stock unpaid
 * @param expiryInterval how often the clustered job cancels unpaid orders past their reservation
 * @param expiryBatch orders cancelled per transaction by that job
 */
@Validated
@ConfigurationProperties("silkway.checkout.orders")
record OrderProperties(
        @DefaultValue("15m") Duration reservation,
        @DefaultValue("30s") Duration expiryInterval,
        @DefaultValue("100") @Min(1) @Max(10_000) int expiryBatch) {}
