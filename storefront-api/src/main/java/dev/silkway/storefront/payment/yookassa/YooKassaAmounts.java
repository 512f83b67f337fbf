package dev.silkway.storefront.payment.yookassa;

import java.util.regex.Pattern;

/** YooKassa's amounts: strings in roubles with two decimals ("1234.50"); kopecks on our side. */
final class YooKassaAmounts {

    private static final Pattern VALUE = Pattern.compile("^(0|[1-9][0-9]{0,15})(\\.[0-9]{1,2})?$");

    private YooKassaAmounts() {}

    static String format(long minor) {
        if (minor < 0) {
            throw new IllegalArgumentException("a negative amount: " + minor);
        }
        return minor / 100 + "." + (minor % 100 < 10 ? "0" : "") + minor % 100;
    }

    static long parse(String value) {
        if (!VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a YooKassa amount: " + value);
        }
        int dot = value.indexOf('.');
        if (dot < 0) {
            return Math.multiplyExact(Long.parseLong(value), 100);
        }
        String fraction = (value.substring(dot + 1) + "0").substring(0, 2);
        return Math.addExact(
                Math.multiplyExact(Long.parseLong(value.substring(0, dot)), 100), Long.parseLong(fraction));
    }
}
