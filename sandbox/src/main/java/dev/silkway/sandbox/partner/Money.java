package dev.silkway.sandbox.partner;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan as the partner writes them: a string with two decimals, from and to fen. */
final class Money {

    private Money() {}

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** Fen of a "12.50"-style amount; IllegalArgumentException for anything else. */
    static long fen(String yuan) {
        if (!yuan.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("an amount like \"12.50\" is expected");
        }
        return new BigDecimal(yuan)
                .setScale(2, RoundingMode.UNNECESSARY)
                .unscaledValue()
                .longValueExact();
    }
}
