package dev.silkway.ingestion.translate;

import dev.silkway.ingestion.SandboxProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared sandbox's translator as tests see it: what it received, and its faults switched on and off. */
final class SandboxTranslator {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String NO_FAULTS =
            "{\"rateLimit\":0,\"serverError\":0,\"slow\":0,\"slowDelay\":\"PT0S\",\"malformed\":0.05}";

    private SandboxTranslator() {}

    static long calls() {
        return usage().path("calls").asLong();
    }

    static long characters() {
        return usage().path("characters").asLong();
    }

    static void resetUsage() {
        send(HttpRequest.newBuilder(uri("/yandex/sandbox/usage")).DELETE().build());
    }

    static void faults(String json) {
        send(HttpRequest.newBuilder(uri("/sandbox/admin/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static JsonNode usage() {
        return JSON.readTree(
                send(HttpRequest.newBuilder(uri("/yandex/sandbox/usage")).build()));
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
