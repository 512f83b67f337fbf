package dev.silkway.tracking.carrier.sfexpress;

import dev.silkway.platform.outbound.AnswerLimits;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code silkway.carriers.sf-express.*}: the Fengqiao service URL (the sandbox by default; the real one is
 * {@code https://sfapi.sf-express.com/std/service}), partner id and check word (SANDBOX-ONLY defaults), at most 10
 * numbers per request and 10 requests per second.
 */
@ConfigurationProperties("silkway.carriers.sf-express")
record SfExpressProperties(
        @DefaultValue("http://localhost:8090/sf-express/std/service")
        URI serviceUrl,

        @DefaultValue("SANDBOX_SF") String partnerId,
        @DefaultValue("sandbox-sf-checkword") String checkWord,
        @DefaultValue("10") double callsPerSecond,
        @DefaultValue("10") int batchSize,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("4MB") DataSize maxAnswer) {

    SfExpressProperties {
        if (partnerId.isBlank() || checkWord.isBlank() || !(callsPerSecond > 0) || batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException(
                    "silkway.carriers.sf-express: partner-id, check-word, calls-per-second > 0, batch-size 1..10");
        }
    }

    AnswerLimits answerLimits() {
        return new AnswerLimits(maxAnswer, timeout);
    }
}
