package dev.silkway.storefront.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money as every storefront response shows it ({@code shared/API.md}): {@code {"amount": "7644.69",
 * "currency": "RUB"}}, the amount a string decimal with two places, so that no client reads it as a float.
 */
public record Money(
        @Schema(type = "string", pattern = "^-?\\d+\\.\\d{2}$", example = "7644.69")
        String amount,

        @Schema(example = "RUB") String currency) {

    public static Money of(BigDecimal amount, String currency) {
        return new Money(decimal(amount), currency);
    }

    /** From minor units (kopecks, fen). */
    public static Money ofMinor(long minor, String currency) {
        return of(BigDecimal.valueOf(minor, 2), currency);
    }

    /** The amount as the API writes it: a plain decimal string with two places. */
    public static String decimal(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
