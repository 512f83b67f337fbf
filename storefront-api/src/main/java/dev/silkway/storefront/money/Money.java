package dev.silkway.storefront.money;

import java.math.BigDecimal;

/** Money in the API: {@code {"amount": "7644.69", "currency": "RUB"}}, the amount a string decimal. */
public record Money(String amount, String currency) {

    public static Money rub(long kopecks) {
        return of(kopecks, "RUB");
    }

    public static Money cny(long fen) {
        return of(fen, "CNY");
    }

    public static Money of(long minor, String currency) {
        return new Money(BigDecimal.valueOf(minor, 2).toPlainString(), currency);
    }
}
