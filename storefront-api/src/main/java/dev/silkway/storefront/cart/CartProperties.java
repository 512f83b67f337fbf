package dev.silkway.storefront.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Cart limits.
 *
 * @param maxLines the most lines (distinct SKUs) a cart holds
 * @param maxQuantity the most units of one SKU in a cart
 * @param guestCartTtl a guest cart not touched for this long is deleted
 */
@Validated
@ConfigurationProperties("silkway.cart")
record CartProperties(
        @DefaultValue("100") @Min(1) @Max(1000) int maxLines,
        @DefaultValue("999") @Min(1) @Max(999) int maxQuantity,
        @DefaultValue("30d") Duration guestCartTtl) {}
