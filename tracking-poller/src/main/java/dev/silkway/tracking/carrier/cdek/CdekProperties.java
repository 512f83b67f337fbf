package dev.silkway.tracking.carrier.cdek;

import dev.silkway.platform.outbound.AnswerLimits;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code silkway.carriers.cdek.*}: where CDEK v2 is (the sandbox by default; the real test server is
 * {@code https://api.edu.cdek.ru/v2}), the client credentials (SANDBOX-ONLY defaults), a token renewed
 * {@code token-margin} before it expires, one order per request, and the addresses CDEK's unsigned webhooks may come
 * from ({@code webhook-sources}: exact addresses; loopback by default, for the sandbox).
 */
@ConfigurationProperties("silkway.carriers.cdek")
record CdekProperties(
        @DefaultValue("http://localhost:8090/cdek/v2") URI baseUrl,
        @DefaultValue("sandbox-cdek-client") String clientId,
        @DefaultValue("sandbox-cdek-secret") String clientSecret,
        @DefaultValue("60s") Duration tokenMargin,
        @DefaultValue("10") double callsPerSecond,
        @DefaultValue({"127.0.0.1", "0:0:0:0:0:0:0:1"}) List<String> webhookSources,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("4MB") DataSize maxAnswer) {

    CdekProperties {
        if (clientId.isBlank() || clientSecret.isBlank() || !(callsPerSecond > 0)) {
            throw new IllegalArgumentException(
                    "silkway.carriers.cdek: client-id, client-secret and calls-per-second > 0 are required");
        }
        webhookSources = List.copyOf(webhookSources);
    }

    AnswerLimits answerLimits() {
        return new AnswerLimits(maxAnswer, timeout);
    }
}
