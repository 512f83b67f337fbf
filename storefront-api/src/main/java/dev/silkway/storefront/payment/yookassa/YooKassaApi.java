package dev.silkway.storefront.payment.yookassa;

import dev.silkway.platform.outbound.Answer;
import dev.silkway.platform.outbound.OutboundFailed;
import dev.silkway.platform.outbound.OutboundHttp;
import dev.silkway.platform.outbound.PacedHttp;
import dev.silkway.platform.pacing.RateLimiter;
import dev.silkway.platform.retry.Retry;
import dev.silkway.storefront.payment.PaymentProvider;
import dev.silkway.storefront.payment.PaymentProviderRefused;
import dev.silkway.storefront.payment.PaymentProviderUnavailable;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * YooKassa's HTTP: Basic shopId:secretKey on every call, the caller's Idempotence-Key on every POST (the
 * same key on each retry, so a retry after a timeout is answered with the first result), every call a
 * paced, bounded exchange ({@link PacedHttp}) retried by the platform {@link Retry} on timeouts, unreachable,
 * 5xx and 429; then {@link PaymentProviderUnavailable}. A 4xx is YooKassa's error object, read into
 * {@link PaymentProviderRefused} (code and description: never the credentials).
 */
final class YooKassaApi {

    private static final PaymentProvider PROVIDER = PaymentProvider.YOOKASSA;

    private final YooKassaProperties properties;
    private final PacedHttp http;
    private final ObjectMapper json;

    YooKassaApi(YooKassaProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.http = new PacedHttp(
                OutboundHttp.create(properties.connectTimeout()),
                properties.limits(),
                RateLimiter.create(properties.requestsPerSecond(), 1),
                Retry.of("yookassa", properties.retry(), failure -> failure instanceof Transient),
                new PacedHttp.Failures() {
                    @Override
                    public RuntimeException answered(Answer answer) {
                        return new Transient("HTTP " + answer.status(), null);
                    }

                    @Override
                    public RuntimeException failed(OutboundFailed failure) {
                        return failure.retryable()
                                ? new Transient(failure.getMessage(), failure)
                                : PaymentProviderUnavailable.of(PROVIDER, failure.getMessage(), failure);
                    }
                });
        this.json = json;
    }

    JsonNode get(String path) {
        return call("GET " + path, () -> request(path).GET());
    }

    JsonNode post(String path, String idempotenceKey, Object body) {
        String text = json.writeValueAsString(body);
        return call(
                "POST " + path,
                () -> request(path)
                        .header("Idempotence-Key", idempotenceKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    private JsonNode call(String what, java.util.function.Supplier<HttpRequest.Builder> request) {
        if (!properties.configured()) {
            throw PaymentProviderUnavailable.of(PROVIDER, "no shop id or secret key configured", null);
        }
        try {
            return http.call(request, answer -> read(what, answer));
        } catch (Transient e) {
            throw PaymentProviderUnavailable.of(PROVIDER, what + ": " + e.getMessage(), e);
        } catch (PaymentProviderUnavailable e) {
            throw e.getCause() instanceof OutboundFailed
                    ? PaymentProviderUnavailable.of(
                            PROVIDER, what + ": " + e.getCause().getMessage(), e.getCause())
                    : e;
        }
    }

    private JsonNode read(String what, Answer answer) {
        JsonNode body = read(answer.text());
        if (answer.status() >= 400) {
            throw PaymentProviderRefused.of(
                    PROVIDER,
                    body == null ? "http_" + answer.status() : body.path("code").asString("http_" + answer.status()),
                    body == null ? what : body.path("description").asString(what));
        }
        if (body == null) {
            throw PaymentProviderUnavailable.of(PROVIDER, what + ": an answer that is not JSON", null);
        }
        return body;
    }

    private @Nullable JsonNode read(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private HttpRequest.Builder request(String path) {
        String credentials = Base64.getEncoder()
                .encodeToString((properties.shopId() + ":" + properties.secretKey()).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(properties.baseUrl().replaceAll("/+$", "") + path))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json");
    }

    /** A failure worth another try with the same key: timeout, unreachable, 5xx, 429. */
    static final class Transient extends RuntimeException {
        Transient(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
