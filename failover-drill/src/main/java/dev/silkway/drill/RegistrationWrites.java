package dev.silkway.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Registers shoppers through the storefront ({@code POST /api/v1/auth/register}): the load goes
 * through the application and its own retry of transient failures. The e-mail address carries the
 * request id, so a registration the client retries meets a 409 instead of a second account; the
 * drill then counts it acknowledged but cannot look its id up ({@code unverifiable}).
 */
final class RegistrationWrites implements WriteTarget {

    private static final ObjectMapper json = new ObjectMapper();

    private final URI endpoint;
    private final JdbcClient verification;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    RegistrationWrites(URI endpoint, JdbcClient verification) {
        this.endpoint = endpoint;
        this.verification = verification;
    }

    @Override
    public Written write(UUID requestId) throws IOException, InterruptedException {
        String body = json.writeValueAsString(java.util.Map.of(
                "email",
                "drill-" + requestId + "@failover.silkway.test",
                "password",
                "Drill-" + requestId,
                "fullName",
                "Failover Drill",
                "phone",
                "+70000000000"));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return switch (response.statusCode()) {
            case 201 -> new Written(json.readTree(response.body()).path("id").asString(), UNKNOWN_NODE);
            case 409 -> new Written(null, UNKNOWN_NODE);
            default -> throw new IOException("Registration answered " + response.statusCode());
        };
    }

    @Override
    public Set<String> present(Collection<String> keys) {
        return new HashSet<>(verification
                .sql("SELECT u.id::text FROM unnest(CAST(:ids AS uuid[])) AS k (id) JOIN users u ON u.id = k.id")
                .param("ids", "{" + String.join(",", keys) + "}")
                .query(String.class)
                .list());
    }
}
