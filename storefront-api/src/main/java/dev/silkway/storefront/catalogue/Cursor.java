package dev.silkway.storefront.catalogue;

import co.elastic.clients.elasticsearch._types.FieldValue;
import dev.silkway.elastic.search.ProductSort;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The opaque paging cursor: base64url of {@code {"s": sort, "v": [the last hit's sort values]}}; the
 * last value is always the product id (the tiebreaker). Anything else is a 400 naming {@code cursor}.
 */
final class Cursor {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final int MAX_LENGTH = 1024;

    private Cursor() {}

    static String encode(ProductSort sort, List<FieldValue> values) {
        ObjectNode node = json.createObjectNode();
        node.put("s", sort.code());
        ArrayNode array = node.putArray("v");
        for (FieldValue value : values) {
            switch (value._kind()) {
                case Long -> array.add(value.longValue());
                case Double -> array.add(value.doubleValue());
                case String -> array.add(value.stringValue());
                case Boolean -> array.add(value.booleanValue());
                default -> array.addNull();
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(node));
    }

    static List<FieldValue> decode(String cursor, ProductSort sort) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        JsonNode node;
        try {
            node = json.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid();
        }
        if (node == null
                || !node.isObject()
                || !sort.code().equals(node.path("s").asString(null))) {
            throw InvalidParameter.of("cursor", "was made for another sort order; start again without a cursor");
        }
        JsonNode values = node.get("v");
        if (values == null || !values.isArray() || values.size() != sort.sortValueCount()) {
            throw invalid();
        }
        List<FieldValue> decoded = new ArrayList<>();
        for (JsonNode value : values) {
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                decoded.add(FieldValue.of(value.longValue()));
            } else if (value.isFloatingPointNumber() && Double.isFinite(value.doubleValue())) {
                decoded.add(FieldValue.of(value.doubleValue()));
            } else if (value.isString() && value.stringValue().length() <= 64) {
                decoded.add(FieldValue.of(value.stringValue()));
            } else if (value.isNull()) {
                decoded.add(FieldValue.NULL);
            } else {
                throw invalid();
            }
        }
        FieldValue tiebreaker = decoded.getLast();
        if (!tiebreaker.isString() || !tiebreaker.stringValue().matches("\\d{1,19}")) {
            throw invalid();
        }
        return decoded;
    }

    private static InvalidParameter invalid() {
        return InvalidParameter.of("cursor", "is not a cursor this API returned");
    }
}
