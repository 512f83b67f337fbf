package dev.silkway.ingestion.marketplace.pinduoduo;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** {@code "10万+"} → 100000, {@code "3.2万"} → 32000, {@code "856"} → 856; anything else → unknown. */
final class SalesTip {

    private static final Pattern TIP = Pattern.compile("(?:已拼|已售)?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(万|亿)?\\+?\\s*(?:件)?");

    private SalesTip() {}

    static @Nullable Long parse(@Nullable String tip) {
        if (tip == null) {
            return null;
        }
        Matcher matcher = TIP.matcher(tip.strip());
        if (!matcher.matches()) {
            return null;
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        if ("万".equals(matcher.group(2))) {
            number = number.movePointRight(4);
        } else if ("亿".equals(matcher.group(2))) {
            number = number.movePointRight(8);
        }
        return number.longValue();
    }
}
