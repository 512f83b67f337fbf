package dev.silkway.storefront;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls against the running storefront: every filter and the servlet container take part. */
public final class Api {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper json = JsonMapper.builder().build();

    private final int port;

    public Api(int port) {
        this.port = port;
    }

    public Response get(String path, @Nullable String token) {
        return send("GET", path, null, token, "application/json");
    }

    public Response post(String path, @Nullable Object body, @Nullable String token) {
        return send("POST", path, body == null ? "" : toJson(body), token, "application/json");
    }

    public Response put(String path, Object body, @Nullable String token) {
        return send("PUT", path, toJson(body), token, "application/json");
    }

    public Response patch(String path, Object body, @Nullable String token) {
        return send("PATCH", path, toJson(body), token, "application/json");
    }

    public Response delete(String path, @Nullable String token) {
        return send("DELETE", path, null, token, "application/json");
    }

    public Response send(
            String method, String path, @Nullable String body, @Nullable String token, String contentType) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", contentType);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A CORS preflight as a browser on {@code origin} sends it. */
    public Response preflight(String path, String origin, String method) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build();
        try {
            return new Response(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String toJson(Object body) {
        return body instanceof String s ? s : json.writeValueAsString(body);
    }

    public record Response(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return raw.body().isEmpty() ? json.nullNode() : json.readTree(raw.body());
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        public @Nullable String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }

    /** A registration body with valid defaults. */
    public static Map<String, Object> registration(String email, String fullName, String phone) {
        return Map.of("email", email, "password", Shoppers.PASSWORD, "fullName", fullName, "phone", phone);
    }
}
