package dev.silkway.sandbox.stripe;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/** Reading Stripe's form-encoded parameters: required values, integers, and hashes ({@code metadata[key]=value}). */
final class StripeForms {

    private StripeForms() {}

    static String required(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null || value.isBlank()) {
            throw StripeRefused.with(StripeErrors.missing(name));
        }
        return value;
    }

    static long integer(MultiValueMap<String, String> params, String name) {
        String value = required(params, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw StripeRefused.with(
                    StripeErrors.invalidRequest("parameter_invalid_integer", "Invalid integer: " + value, name));
        }
    }

    /** The entries of {@code prefix[key]=value}, e.g. {@code metadata[order_id]=...}. */
    static Map<String, String> hash(MultiValueMap<String, String> params, String prefix) {
        Map<String, String> hash = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(prefix + "[") && name.endsWith("]") && !values.isEmpty()) {
                String key = name.substring(prefix.length() + 1, name.length() - 1);
                if (!key.contains("[")) {
                    hash.put(key, values.getFirst());
                }
            }
        });
        return hash;
    }
}
