package dev.silkway.tracking.carrier.cdek;

import dev.silkway.platform.outbound.Answer;
import dev.silkway.tracking.carrier.CarrierTransport;
import dev.silkway.tracking.carrier.CarrierUnavailable;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * CDEK's bearer token: fetched with the client credentials ({@code POST oauth/token?grant_type=client_credentials}),
 * kept until {@code token-margin} before it expires, forgotten when CDEK refuses it. The secret never leaves in a
 * message or a log.
 */
final class CdekTokens {

    private record Token(String value, Instant renewAt) {}

    private final CdekProperties properties;
    private final CarrierTransport transport;
    private final Clock clock;
    private @Nullable Token current;

    CdekTokens(CdekProperties properties, CarrierTransport transport, Clock clock) {
        this.properties = properties;
        this.transport = transport;
        this.clock = clock;
    }

    synchronized String bearer() {
        Token token = current;
        if (token == null || !clock.instant().isBefore(token.renewAt())) {
            token = fetch();
            current = token;
        }
        return "Bearer " + token.value();
    }

    synchronized void forget() {
        current = null;
    }

    private Token fetch() {
        String query = "grant_type=client_credentials&client_id=" + encode(properties.clientId()) + "&client_secret="
                + encode(properties.clientSecret());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/oauth/token?" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody());
        Answer answer = transport.send(request);
        JsonNode body;
        try {
            body = CdekOrders.JSON.readTree(answer.text());
        } catch (JacksonException e) {
            throw CarrierUnavailable.of(CdekClient.API, "the token answer is not JSON", e);
        }
        String token = body.path("access_token").asString("");
        long expiresIn = body.path("expires_in").asLong(0);
        if (answer.status() != 200 || token.isEmpty() || expiresIn <= 0) {
            throw CarrierUnavailable.of(
                    CdekClient.API,
                    "no token (HTTP " + answer.status() + " "
                            + body.path("error").asString("") + ")",
                    null);
        }
        long usable = Math.max(1, expiresIn - properties.tokenMargin().toSeconds());
        return new Token(token, clock.instant().plusSeconds(usable));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
