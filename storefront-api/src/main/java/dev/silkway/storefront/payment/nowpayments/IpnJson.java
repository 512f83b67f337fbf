package dev.silkway.storefront.payment.nowpayments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The text NOWPayments signs: its reference code's {@code JSON.stringify(sortObject(body))}, reproduced exactly.
 * {@code sortObject} rebuilds every object (and array: {@code typeof [] === "object"}, so an array becomes an object
 * keyed "0", "1", ...) inserting the keys in sorted order, and a JavaScript object then lists integer keys first in
 * numeric order, the others in insertion order. {@code JSON.stringify} writes no spaces, numbers as JavaScript's
 * {@code Number.prototype.toString} of the parsed double (1.50 → 1.5, 1e21 → 1e+21, 0.0000001 → 1e-7), and strings
 * with only {@code "}, {@code \}, control characters and lone surrogates escaped (non-ASCII and {@code /} as they
 * are).
 */
final class IpnJson {

    private static final Comparator<String> JS_KEY_ORDER = Comparator.comparing((String key) -> !isArrayIndex(key))
            .thenComparing((a, b) -> isArrayIndex(a) && isArrayIndex(b)
                    ? Long.compare(Long.parseLong(a), Long.parseLong(b))
                    : a.compareTo(b));

    private IpnJson() {}

    static String stringify(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey(JS_KEY_ORDER));
            members(fields, out);
        } else if (node.isArray()) {
            List<Map.Entry<String, JsonNode>> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                items.add(Map.entry(Integer.toString(i), node.get(i)));
            }
            members(items, out);
        } else if (node.isString()) {
            quote(node.asString(), out);
        } else if (node.isNumber()) {
            out.append(number(node.doubleValue()));
        } else if (node.isBoolean()) {
            out.append(node.asBoolean());
        } else {
            out.append("null");
        }
    }

    private static void members(List<Map.Entry<String, JsonNode>> members, StringBuilder out) {
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(members.get(i).getKey(), out);
            out.append(':');
            write(members.get(i).getValue(), out);
        }
        out.append('}');
    }

    /** JavaScript's {@code Number.prototype.toString()} (ECMA-262 Number::toString, radix 10). */
    static String number(double value) {
        if (value == 0) {
            return "0";
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        String sign = value < 0 ? "-" : "";
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean lone = Character.isSurrogate(c) && !paired(text, i);
                    if (c < 0x20 || lone) {
                        out.append("\\u").append("%04x".formatted((int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean paired(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /** A canonical array index: "0", or digits without a leading zero, below 2^32 - 1. */
    private static boolean isArrayIndex(String key) {
        if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(key) < 4_294_967_295L;
    }
}
