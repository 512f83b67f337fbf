package dev.silkway.tracking.carrier;

import com.sun.net.httpserver.HttpServer;
import dev.silkway.testsupport.SandboxProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox as the carrier tests use it: one child JVM per test JVM, journeys running 200,000 times faster than
 * real time, CDEK tokens living 3 s, no random faults (tests switch them on through the admin endpoints and back), and a local HTTP server
 * that receives the 17TRACK and CDEK callbacks.
 */
public final class CarrierSandbox {

    public static final double TIME_FACTOR = 200_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static CarrierSandbox instance;

    /** A callback as the local server received it. */
    public record Callback(String path, byte[] body, Map<String, String> headers, String remoteAddress) {}

    private final SandboxProcess sandbox;
    private final HttpServer hooks;
    private final LinkedBlockingQueue<Callback> callbacks = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private CarrierSandbox() {
        try {
            hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hooks.createContext("/", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.getFirst()));
            callbacks.add(new Callback(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestBody().readAllBytes(),
                    headers,
                    exchange.getRemoteAddress().getAddress().getHostAddress()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hooks.start();
        sandbox = SandboxProcess.start(List.of(
                "--silkway.sandbox.time-factor=" + (long) TIME_FACTOR,
                "--silkway.sandbox.faults.rate-limit=0",
                "--silkway.sandbox.faults.server-error=0",
                "--silkway.sandbox.faults.slow=0",
                "--silkway.sandbox.faults.malformed=0",
                "--silkway.sandbox.carriers.misbehaviour.duplicate=0",
                "--silkway.sandbox.carriers.misbehaviour.out-of-order=0",
                "--silkway.sandbox.carriers.misbehaviour.unknown=0",
                "--silkway.sandbox.carriers.pushes.every=100ms",
                "--silkway.sandbox.carriers.cdek.token-lifetime=3s",
                "--silkway.sandbox.carriers.track17.webhook-url=" + hookUrl("/17track")));
    }

    public static synchronized CarrierSandbox shared() {
        if (instance == null) {
            instance = new CarrierSandbox();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.sandbox.close();
                instance.hooks.stop(0);
            }));
        }
        return instance;
    }

    public String url() {
        return sandbox.url();
    }

    public URI hookUrl(String path) {
        return URI.create("http://127.0.0.1:" + hooks.getAddress().getPort() + path);
    }

    public LinkedBlockingQueue<Callback> callbacks() {
        return callbacks;
    }

    /** Starts {@code count} journeys handed over at {@code at}; each parcel's two legs [line, last mile]. */
    public List<List<String>> journeys(
            String prefix, int count, String method, String line, String lastMile, Instant at) {
        var body = JSON.createObjectNode()
                .put("count", count)
                .put("prefix", prefix)
                .put("method", method)
                .put("lineCarrier", line)
                .put("lastMileCarrier", lastMile)
                .put("handedOverAt", at.toString());
        JsonNode answer = JSON.readTree(send("POST", "/sandbox/journeys", body.toString()));
        List<List<String>> legs = new ArrayList<>();
        for (JsonNode parcel : answer.path("parcels")) {
            legs.add(List.of(
                    parcel.path("legs").path(0).path("trackNumber").asString(),
                    parcel.path("legs").path(1).path("trackNumber").asString()));
        }
        return legs;
    }

    /** Journeys handed over long enough ago that every event has happened. */
    public List<List<String>> finishedJourneys(String prefix, int count, String line, String lastMile) {
        return journeys(prefix, count, "SEA", line, lastMile, Instant.now().minus(Duration.ofDays(3)));
    }

    public void faults(double rateLimit, double serverError, double slow, String slowDelay) {
        send(
                "PUT",
                "/sandbox/admin/faults",
                "{\"rateLimit\":%s,\"serverError\":%s,\"slow\":%s,\"slowDelay\":\"%s\",\"malformed\":0}"
                        .formatted(rateLimit, serverError, slow, slowDelay));
    }

    public void noFaults() {
        faults(0, 0, 0, "PT0S");
        misbehaviour(0, 0, 0);
    }

    public void misbehaviour(double duplicate, double outOfOrder, double unknown) {
        send(
                "PUT",
                "/sandbox/admin/carrier-faults",
                "{\"duplicate\":%s,\"outOfOrder\":%s,\"unknown\":%s}".formatted(duplicate, outOfOrder, unknown));
    }

    /** Sends {@code count} requests as fast as they go and returns the refusals. */
    public static List<CarrierUnavailable> burst(int count, Runnable request) {
        List<CarrierUnavailable> refusals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                request.run();
            } catch (CarrierUnavailable e) {
                refusals.add(e);
            }
        }
        return refusals;
    }

    public JsonNode calls() {
        return JSON.readTree(send("GET", "/sandbox/carriers/calls", null));
    }

    public String send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
