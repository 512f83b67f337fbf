package dev.silkway.ingestion.marketplace.transport;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded} bodies, UTF-8. */
public final class FormBody {

    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded;charset=UTF-8";

    private FormBody() {}

    public static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static HttpRequest.BodyPublisher publisher(Map<String, String> params) {
        return HttpRequest.BodyPublishers.ofString(encode(params), StandardCharsets.UTF_8);
    }
}
