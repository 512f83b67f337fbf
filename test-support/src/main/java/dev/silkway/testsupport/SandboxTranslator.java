package dev.silkway.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shared sandbox's translator as tests see it: what it received, and its faults switched on and off. */
public final class SandboxTranslator {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The shared sandbox's fault rates: nothing misbehaves but 5% malformed records. */
    public static final String NO_FAULTS =
            "{\"rateLimit\":0,\"serverError\":0,\"slow\":0,\"slowDelay\":\"PT0S\",\"malformed\":0.05}";

    private SandboxTranslator() {}

    public static long calls() {
        return usage("calls");
    }

    public static long characters() {
        return usage("characters");
    }

    public static void resetUsage() {
        send(HttpRequest.newBuilder(uri("/yandex/sandbox/usage")).DELETE().build());
    }

    /** Replaces the sandbox's fault rates (JSON of {@code /sandbox/admin/faults}); they apply to every simulator. */
    public static void faults(String json) {
        send(HttpRequest.newBuilder(uri("/sandbox/admin/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static long usage(String counter) {
        String body = send(HttpRequest.newBuilder(uri("/yandex/sandbox/usage")).build());
        Matcher m = Pattern.compile("\"" + counter + "\"\\s*:\\s*(\\d+)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + counter + " in " + body);
        }
        return Long.parseLong(m.group(1));
    }

    private static URI uri(String path) {
        return URI.create(SandboxProcess.shared().url() + path);
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
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
