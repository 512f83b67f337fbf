package dev.silkway.storefront.money;

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

    public static Money rub(long kopecks) {
        return of(kopecks, "RUB");
    }

    public static Money cny(long fen) {
        return of(fen, "CNY");
    }

    /** From minor units (kopecks, fen). */
    public static Money of(long minor, String currency) {
        return new Money(BigDecimal.valueOf(minor, 2).toPlainString(), currency);
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(decimal(amount), currency);
    }

    /** The amount as the API writes it: a plain decimal string with two places. */
    public static String decimal(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
