package dev.silkway.storefront.payment.stripe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A form-encoded Stripe request body in the order its parameters were added ({@code line_items[0][quantity]=1&...}). */
final class StripeForm {

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    StripeForm add(String name, String value) {
        fields.add(Map.entry(name, value));
        return this;
    }

    StripeForm add(String name, long value) {
        return add(name, Long.toString(value));
    }

    /** {@code prefix[key]=value} for each entry ({@code metadata[order_id]=...}). */
    StripeForm hash(String prefix, Map<String, String> entries) {
        entries.forEach((key, value) -> add(prefix + "[" + key + "]", value));
        return this;
    }

    String encoded() {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return body.toString();
    }
}
