package dev.silkway.ingestion.marketplace.offer;

import java.math.BigDecimal;

/** Conversions of received prices into CNY fen, rejecting what is not an exact non-negative amount. */
public final class Prices {

    private Prices() {}

    /** {@code "59.90"} or {@code 59.9} yuan → 5990 fen; more than two decimals is not a price. */
    public static long yuanToFen(String field, BigDecimal yuan) {
        if (yuan.signum() < 0) {
            throw RecordRejected.negativePrice(field, yuan.toPlainString());
        }
        BigDecimal fen = yuan.movePointRight(2).stripTrailingZeros();
        if (fen.scale() > 0) {
            throw RecordRejected.invalid(field, "more than two decimals in yuan amount " + yuan.toPlainString());
        }
        return fen.longValueExact();
    }

    public static long fen(String field, long fen) {
        if (fen < 0) {
            throw RecordRejected.negativePrice(field, fen);
        }
        return fen;
    }
}
