package dev.silkway.tracking.carrier.track17;

import dev.silkway.platform.outbound.AnswerLimits;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code silkway.carriers.track17.*}: where 17TRACK is (the sandbox by default), the API key (SANDBOX-ONLY default;
 * set {@code TRACK17_API_KEY} for the real one), its limits (~3 requests per second, 40 numbers per request) and the
 * bounds of each answer.
 */
@ConfigurationProperties("silkway.carriers.track17")
record Track17Properties(
        @DefaultValue("http://localhost:8090/17track/track/v2.2")
        URI baseUrl,

        @DefaultValue("sandbox-17track-key") String apiKey,
        @DefaultValue("3") double callsPerSecond,
        @DefaultValue("40") int batchSize,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("4MB") DataSize maxAnswer) {

    Track17Properties {
        if (apiKey.isBlank() || !(callsPerSecond > 0) || batchSize < 1 || batchSize > 40) {
            throw new IllegalArgumentException(
                    "silkway.carriers.track17: api-key, calls-per-second > 0 and batch-size 1..40 are required");
        }
    }

    AnswerLimits answerLimits() {
        return new AnswerLimits(maxAnswer, timeout);
    }
}
