package dev.silkway.sandbox.yookassa;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** YooKassa's {@code amount {value: "1234.50", currency: "RUB"}}: a string with two decimals, read strictly. */
record YooKassaMoney(long minor, String currency) {

    private static final Pattern VALUE = Pattern.compile("^(0|[1-9][0-9]{0,10})\\.[0-9]{2}$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    /** The amount of a request, or null when it is missing, malformed or not positive. */
    static YooKassaMoney read(JsonNode amount) {
        String value = amount.path("value").asString("");
        String currency = amount.path("currency").asString("");
        if (!VALUE.matcher(value).matches() || !CURRENCY.matcher(currency).matches()) {
            return null;
        }
        long minor = Long.parseLong(value.replace(".", ""));
        return minor > 0 ? new YooKassaMoney(minor, currency) : null;
    }

    String value() {
        return minor / 100 + "." + "%02d".formatted(minor % 100);
    }

    void write(ObjectNode amount) {
        amount.put("value", value()).put("currency", currency);
    }
}
