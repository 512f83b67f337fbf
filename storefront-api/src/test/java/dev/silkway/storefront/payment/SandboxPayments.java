package dev.silkway.storefront.payment;

import dev.silkway.testsupport.SandboxProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared sandbox's payment simulators as tests drive them: shopper actions, scripted faults, endpoints. */
public final class SandboxPayments {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SandboxPayments() {}

    public static String url() {
        return SandboxProcess.shared().url();
    }

    /** POSTs to the sandbox (a shopper's action through its API) and returns the JSON answered. */
    public static JsonNode post(String path) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url() + path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build()));
    }

    /** A form POST with a header (e.g. Stripe's webhook endpoint registration with its key). */
    public static JsonNode postForm(String path, String header, String value, String form) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url() + path))
                .header(header, value)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build()));
    }

    public static String page(String absoluteUrl) {
        return send(HttpRequest.newBuilder(URI.create(absoluteUrl)).build());
    }

    /**
     * The verdicts of {@code service}'s next requests ("stripe", "nowpayments"), each {@code VERDICT} or
     * {@code VERDICT:delay} (PASS:PT3S is a slow answer).
     */
    public static void script(String service, String... verdicts) {
        StringBuilder json = new StringBuilder("[");
        for (String verdict : verdicts) {
            String[] parts = verdict.split(":");
            json.append(json.length() > 1 ? "," : "")
                    .append("{\"verdict\":\"")
                    .append(parts[0])
                    .append("\",\"delay\":\"")
                    .append(parts.length > 1 ? parts[1] : "PT0S")
                    .append("\"}");
        }
        send(HttpRequest.newBuilder(URI.create(url() + "/sandbox/admin/faults/" + service + "/next"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.append("]").toString()))
                .build());
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
