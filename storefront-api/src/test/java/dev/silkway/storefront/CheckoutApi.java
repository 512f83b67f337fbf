package dev.silkway.storefront;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Real HTTP calls with the headers checkout needs ({@code X-Cart-Token}, {@code Idempotency-Key}). */
public final class CheckoutApi {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    public CheckoutApi(int port) {
        this.port = port;
    }

    public Api.Response send(
            String method, String path, @Nullable Object body, @Nullable String token, Map<String, String> headers) {
        String json = body == null ? null : body instanceof String s ? s : Api.json.writeValueAsString(body);
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        try {
            return new Api.Response(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A cart call as a guest holding {@code cartToken} (none: a new guest). */
    public Api.Response guest(String method, String path, @Nullable Object body, @Nullable String cartToken) {
        return send(method, path, body, null, cartToken == null ? Map.of() : Map.of("X-Cart-Token", cartToken));
    }
}
