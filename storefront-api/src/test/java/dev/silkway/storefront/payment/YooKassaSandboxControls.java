package dev.silkway.storefront.payment;

import dev.silkway.storefront.Api;
import dev.silkway.testsupport.SandboxProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sandbox's YooKassa as tests drive it: the shop's settings, the payer's actions, raw notifications. */
public final class YooKassaSandboxControls {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String sandbox = SandboxProcess.shared().url();
    private final int storefrontPort;

    public YooKassaSandboxControls(int storefrontPort) {
        this.storefrontPort = storefrontPort;
    }

    /** Notifications to this storefront, no faults, no misbehaviour. */
    public void wellBehaved() {
        settings(0, 0);
    }

    /** The API answers 500 ({@code serverErrorRate}) or 429 ({@code rateLimitRate}) at these rates. */
    void settings(double serverErrorRate, double rateLimitRate) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("webhookUrl", "http://127.0.0.1:" + storefrontPort + "/api/v1/payments/webhooks/yookassa");
        settings.put("serverErrorRate", serverErrorRate);
        settings.put("rateLimitRate", rateLimitRate);
        settings.put("duplicateRate", 0);
        settings.put("delayRate", 0);
        settings.put("reorderRate", 0);
        settings.put("delay", "PT1S");
        int status = send(
                        HttpClient.newHttpClient(),
                        "PUT",
                        sandbox + "/yookassa/sandbox/settings",
                        Api.json.writeValueAsString(settings))
                .statusCode();
        if (status != 200) {
            throw new IllegalStateException("sandbox settings refused: " + status);
        }
    }

    /** The payer's action on the sandbox's page (pay, decline, expire): the answer's status. */
    public int act(String providerPaymentId, String action) {
        return send(http, "POST", sandbox + "/yookassa/sandbox/payments/" + providerPaymentId + "/" + action, "")
                .statusCode();
    }

    /** A notification posted to the storefront from {@code from} (a loopback address). */
    HttpResponse<String> notify(String body, String from) {
        try {
            HttpClient client = HttpClient.newBuilder()
                    .localAddress(InetAddress.getByName(from))
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            return send(
                    client, "POST", "http://127.0.0.1:" + storefrontPort + "/api/v1/payments/webhooks/yookassa", body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A payment created at the sandbox's YooKassa by someone else than this storefront: its id. */
    String foreignPayment() {
        var request = HttpRequest.newBuilder(URI.create(sandbox + "/yookassa/v3/payments"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotence-Key", java.util.UUID.randomUUID().toString())
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString("sandbox-shop:sandbox-yookassa-secret".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"amount":{"value":"10.00","currency":"RUB"},"capture":true,
                         "confirmation":{"type":"redirect","return_url":"http://elsewhere.example/"}}"""))
                .build();
        try {
            return Api.json
                    .readTree(http.send(request, HttpResponse.BodyHandlers.ofString())
                            .body())
                    .path("id")
                    .asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String notification(String event, String providerPaymentId, String status) {
        return """
                {"type":"notification","event":"%s","object":{"id":"%s","status":"%s","paid":true,
                 "amount":{"value":"1.00","currency":"RUB"}}}""".formatted(event, providerPaymentId, status);
    }

    private static HttpResponse<String> send(HttpClient client, String method, String url, String body) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
