package dev.silkway.ingestion.marketplace.offer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of one record's fields; every violation throws {@link RecordRejected} naming the field, which
 * {@link OfferParsing#guarded} turns into a rejection.
 */
public final class JsonFields {

    private JsonFields() {}

    /** An id sent as a JSON integer or string, returned as its exact decimal text. */
    public static String id(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw RecordRejected.missing(field);
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isString() && value.stringValue().matches("[0-9A-Za-z_-]{1,64}")) {
            return value.stringValue();
        }
        throw RecordRejected.wrongType(field, "an id", describe(value));
    }

    /** The id as the connector sees it while paging: empty when absent or unreadable (the parser rejects it). */
    public static String idOrEmpty(JsonNode node, String field) {
        try {
            return id(node, field);
        } catch (RecordRejected e) {
            return "";
        }
    }

    public static String text(JsonNode node, String field, TextPolicy policy) {
        String value = optionalText(node, field, policy);
        if (value == null || value.isBlank()) {
            throw RecordRejected.missing(field);
        }
        return value;
    }

    public static @Nullable String optionalText(JsonNode node, String field, TextPolicy policy) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw RecordRejected.wrongType(field, "a string", describe(value));
        }
        return policy.check(field, value.stringValue());
    }

    /** A yuan amount sent as a decimal string ({@code "59.90"}) or number; absent → missing price. */
    public static long yuan(JsonNode node, String field) {
        Long fen = optionalYuan(node, field);
        if (fen == null) {
            throw RecordRejected.missingPrice(field);
        }
        return fen;
    }

    public static @Nullable Long optionalYuan(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null
                || value.isNull()
                || (value.isString() && value.stringValue().isBlank())) {
            return null;
        }
        BigDecimal yuan;
        if (value.isNumber()) {
            yuan = value.decimalValue();
        } else if (value.isString() && value.stringValue().trim().matches("-?[0-9]+(\\.[0-9]+)?")) {
            yuan = new BigDecimal(value.stringValue().trim());
        } else {
            throw RecordRejected.wrongType(field, "a yuan amount", describe(value));
        }
        return Prices.yuanToFen(field, yuan);
    }

    /** A fen amount sent as a JSON integer; absent → missing price. */
    public static long fen(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw RecordRejected.missingPrice(field);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw RecordRejected.wrongType(field, "an integer amount in fen", describe(value));
        }
        return Prices.fen(field, value.longValue());
    }

    public static @Nullable Long optionalLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isString() && value.stringValue().matches("[0-9]{1,18}")) {
            return Long.parseLong(value.stringValue());
        }
        throw RecordRejected.wrongType(field, "an integer", describe(value));
    }

    public static @Nullable Integer optionalStock(JsonNode node, String field) {
        Long stock = optionalLong(node, field);
        if (stock == null) {
            JsonNode value = node.get(field);
            if (value != null && value.isIntegralNumber() && value.canConvertToLong() && value.longValue() < 0) {
                throw RecordRejected.negativeStock(field, value.longValue());
            }
            return null;
        }
        if (stock < 0) {
            throw RecordRejected.negativeStock(field, stock);
        }
        return Math.toIntExact(Math.min(stock, Integer.MAX_VALUE));
    }

    public static @Nullable BigDecimal optionalDecimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isString() && value.stringValue().matches("[0-9]+(\\.[0-9]+)?")) {
            return new BigDecimal(value.stringValue());
        }
        throw RecordRejected.wrongType(field, "a number", describe(value));
    }

    /** A JSON document carried inside a string field (JD's queryResult, Poizon's sku properties). */
    public static JsonNode nestedJson(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw RecordRejected.missing(field);
        }
        if (!value.isString()) {
            throw RecordRejected.wrongType(field, "a JSON string", describe(value));
        }
        try {
            return Json.read(value.stringValue());
        } catch (JacksonException e) {
            throw RecordRejected.brokenNestedJson(field);
        }
    }

    /** Strings of an array, or of a list wrapped in an object ({@code small_images: {string: [...]}}). */
    public static List<String> strings(JsonNode node, String field, String wrapper, TextPolicy policy) {
        JsonNode value = node.path(field);
        if (!wrapper.isEmpty() && value.isObject()) {
            value = value.path(wrapper);
        }
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw RecordRejected.wrongType(field, "a list", describe(value));
        }
        List<String> result = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isString()) {
                throw RecordRejected.wrongType(field + "[]", "a string", describe(element));
            }
            result.add(policy.check(field, element.stringValue()));
        }
        return result;
    }

    /** An array field (possibly absent → empty); anything else is a wrong type. */
    public static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw RecordRejected.wrongType(field, "a list", describe(value));
        }
        List<JsonNode> result = new ArrayList<>(value.size());
        value.forEach(result::add);
        return result;
    }

    /** {@code //item.taobao.com/...} → {@code https://item.taobao.com/...}. */
    public static @Nullable String url(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return url.startsWith("//") ? "https:" + url : url;
    }

    static String describe(JsonNode value) {
        return value.getNodeType().name().toLowerCase() + (value.isValueNode() ? " " + abbreviate(value) : "");
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
