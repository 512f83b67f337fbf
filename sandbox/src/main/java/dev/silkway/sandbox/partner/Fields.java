package dev.silkway.sandbox.partner;

import java.net.URI;
import tools.jackson.databind.JsonNode;

/** Required fields of a partner request, each refused with its name. */
final class Fields {

    private Fields() {}

    static String text(JsonNode body, String field, int maxLength) {
        JsonNode value = body.path(field);
        if (!value.isString() || value.asString().isBlank() || value.asString().length() > maxLength) {
            throw new IllegalArgumentException(field + " must be a string of 1.." + maxLength + " characters");
        }
        return value.asString();
    }

    static String url(JsonNode body, String field) {
        String url = text(body, field, 2048);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be an http(s) URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(field + " must be an http(s) URL");
        }
        return url;
    }
}
