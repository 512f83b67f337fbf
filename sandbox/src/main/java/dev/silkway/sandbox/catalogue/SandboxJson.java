package dev.silkway.sandbox.catalogue;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON building and UTF-8 JSON answers for the platform controllers. */
public final class SandboxJson {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final MediaType JSON_UTF8 = new MediaType("application", "json", StandardCharsets.UTF_8);

    private SandboxJson() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static ResponseEntity<String> ok(JsonNode body) {
        return answer(HttpStatus.OK, body);
    }

    public static ResponseEntity<String> answer(HttpStatus status, JsonNode body) {
        return ResponseEntity.status(status).contentType(JSON_UTF8).body(MAPPER.writeValueAsString(body));
    }

    /** What a gateway in trouble answers: a 5xx with an HTML-ish body, not the platform's JSON. */
    public static ResponseEntity<String> serverError() {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                .contentType(MediaType.TEXT_HTML)
                .body("<html><body><h1>502 Bad Gateway</h1></body></html>");
    }

    /** Yuan text with two decimals from fen: 5990 → "59.90". */
    public static String yuan(long fen) {
        return (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "." + "%02d".formatted(Math.abs(fen) % 100);
    }

    /** Renders a page of items; a DUPLICATE_ID item is sent twice in a row, as a misbehaving platform would. */
    public static ArrayNode render(
            java.util.List<CatalogueItem> items, java.util.function.Function<CatalogueItem, JsonNode> renderer) {
        ArrayNode list = array();
        for (CatalogueItem item : items) {
            JsonNode rendered = renderer.apply(item);
            list.add(rendered);
            if (item.malformation() == Malformation.DUPLICATE_ID) {
                list.add(rendered.deepCopy());
            }
        }
        return list;
    }

    /** A yuan amount as an exact JSON decimal number from fen. */
    public static java.math.BigDecimal yuanNumber(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2);
    }

    public static String image(CatalogueItem item, int n) {
        return "https://img.sandbox.silkway.local/" + item.imagePath(n);
    }
}
