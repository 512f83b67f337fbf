package dev.silkway.ingestion.marketplace.offer;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connectors' JSON reader: decimals are read as {@code BigDecimal} (yuan amounts stay exact) and integers as
 * long/BigInteger, so ids beyond 2^53 are never rounded through a double.
 */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {}

    /** Parses a whole response body; a body that is not JSON is a transport failure, not a record failure. */
    public static JsonNode read(String body) {
        return MAPPER.readTree(body);
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
