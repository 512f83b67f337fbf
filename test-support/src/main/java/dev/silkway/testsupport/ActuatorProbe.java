package dev.silkway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Reads a running application's actuator over HTTP, as an operator or Prometheus would. */
public record ActuatorProbe(int port, @Nullable String bearer) {

    /** A probe without a credential, as a load balancer's: health answers its status only. */
    public ActuatorProbe(int port) {
        this(port, null);
    }

    /** A probe with an OPERATOR's or ADMIN's access token: health shows its components and their details. */
    public ActuatorProbe withToken(String accessToken) {
        return new ActuatorProbe(port, accessToken);
    }

    /** Asserts that {@code /actuator/health} without a credential answers 200 with nothing but its status. */
    public void assertHealthShowsOnlyItsStatus() {
        HttpResponse<String> health = new ActuatorProbe(port).get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(JsonPath.parse(health.body()).read("$", java.util.Map.class).keySet())
                .as(health.body())
                .containsExactly("status");
    }

    /**
     * Asserts that {@code /actuator/health} answers UP and that each named component is UP (components are shown
     * only to a probe {@link #withToken with a staff token}).
     */
    public String assertHealthy(String... components) {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        DocumentContext json = JsonPath.parse(health.body());
        assertThat(json.read("$.status", String.class)).as(health.body()).isEqualTo("UP");
        for (String component : components) {
            assertThat(json.read("$.components." + component + ".status", String.class))
                    .as("component %s in %s", component, health.body())
                    .isEqualTo("UP");
        }
        return health.body();
    }

    /** Asserts that {@code /actuator/prometheus} serves the exposition format with JVM and HTTP metrics. */
    public String assertPrometheusScrapes() {
        HttpResponse<String> scrape = get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes").contains("application=");
        return scrape.body();
    }

    /** Whether {@code /actuator/health} answers 200 now; false while the application does not listen yet. */
    public boolean isUp() {
        try {
            return get("/actuator/health").statusCode() == 200;
        } catch (IllegalStateException notListening) {
            return false;
        }
    }

    public HttpResponse<String> get(String path) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
