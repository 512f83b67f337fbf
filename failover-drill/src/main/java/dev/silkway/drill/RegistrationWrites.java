package dev.silkway.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Registers shoppers through the storefront ({@code POST /api/v1/auth/register}): acknowledged means
 * a 201. Each registration has a fresh email address, the key the drill later looks for in
 * {@code users} — through the storefront's email blind index (HMAC-SHA-256 of {@code "email:" +
 * address}), since the address itself is stored encrypted.
 */
final class RegistrationWrites implements WriteTarget {

    private static final ObjectMapper json = new ObjectMapper();
    private static final HexFormat hex = HexFormat.of();

    private final URI endpoint;
    private final JdbcClient verification;
    private final SecretKeySpec blindIndexKey;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    RegistrationWrites(URI endpoint, JdbcClient verification, byte[] blindIndexKey) {
        this.endpoint = endpoint;
        this.verification = verification;
        this.blindIndexKey = new SecretKeySpec(blindIndexKey, "HmacSHA256");
    }

    @Override
    public String write(UUID requestId) throws IOException, InterruptedException {
        String email = "drill-" + requestId + "@failover.silkway.test";
        String body = json.writeValueAsString(Map.of(
                "email",
                email,
                "password",
                "Drill-" + requestId,
                "fullName",
                "Failover Drill",
                "phone",
                "+70000000000"));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("Registration answered " + response.statusCode() + ": " + response.body());
        }
        return email;
    }

    @Override
    public Set<String> present(Collection<String> emails) {
        Map<String, String> byIndex = new HashMap<>();
        for (String email : emails) {
            byIndex.put(blindIndex(email), email);
        }
        Set<String> present = new HashSet<>();
        verification
                .sql("""
                        SELECT encode(u.email_bidx, 'hex')
                        FROM unnest(CAST(:indexes AS text[])) AS k (index)
                        JOIN users u ON u.email_bidx = decode(k.index, 'hex')
                        """)
                .param("indexes", "{" + String.join(",", byIndex.keySet()) + "}")
                .query(String.class)
                .list()
                .forEach(index -> present.add(byIndex.get(index)));
        return present;
    }

    private String blindIndex(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(blindIndexKey);
            return hex.formatHex(mac.doFinal(("email:" + email).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }
}
