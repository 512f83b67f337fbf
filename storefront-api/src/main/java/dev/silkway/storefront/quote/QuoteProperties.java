package dev.silkway.storefront.quote;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The tariffs of a quote that are not per delivery line or per country.
 *
 * @param validity how long a quote can be ordered from
 * @param chinaDeliveryPerSellerFen China domestic delivery to our warehouse, per marketplace seller, in fen
 * @param insurancePercent insurance, a percentage of the goods' value
 * @param insuranceMinKopecks the least insurance charged
 * @param serviceFeePercent our fee, a percentage of the goods' value
 * @param serviceFeeMinKopecks the least fee
 * @param serviceFeeMaxKopecks the most fee
 */
@Validated
@ConfigurationProperties("silkway.checkout.quote")
public record QuoteProperties(
        @DefaultValue("15m") Duration validity,
        @DefaultValue("1500") @Min(0) long chinaDeliveryPerSellerFen,

        @DefaultValue("2.0") @DecimalMin("0") @DecimalMax("100")
        BigDecimal insurancePercent,

        @DefaultValue("10000") @Min(0) long insuranceMinKopecks,

        @DefaultValue("5.0") @DecimalMin("0") @DecimalMax("100")
        BigDecimal serviceFeePercent,

        @DefaultValue("19900") @Min(0) long serviceFeeMinKopecks,
        @DefaultValue("1500000") @Min(0) long serviceFeeMaxKopecks) {}
