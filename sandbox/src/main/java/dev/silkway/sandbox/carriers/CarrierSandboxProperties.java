package dev.silkway.sandbox.carriers;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.sandbox.carriers.*}: each carrier simulator's SANDBOX-ONLY credentials and the limits of the real
 * platform it enforces, where it pushes its callbacks, and how often it misbehaves.
 */
@ConfigurationProperties("silkway.sandbox.carriers")
public record CarrierSandboxProperties(
        @DefaultValue Track17 track17,
        @DefaultValue Cdek cdek,
        @DefaultValue SfExpress sfExpress,
        @DefaultValue Pushes pushes,
        @DefaultValue Misbehaviour misbehaviour) {

    /** 17TRACK v2.2: {@code 17token}, ~3 requests per second, at most 40 numbers per request. */
    public record Track17(
            @DefaultValue("sandbox-17track-key") String apiKey,
            @DefaultValue("3") double requestsPerSecond,
            @DefaultValue("40") int maxNumbers,
            @DefaultValue("300000") int maxRegistered,
            @Nullable URI webhookUrl) {

        public Track17 {
            positive(requestsPerSecond, maxNumbers, maxRegistered);
            if (webhookUrl != null && webhookUrl.toString().isBlank()) {
                webhookUrl = null;
            }
        }
    }

    /** CDEK v2: OAuth2 client credentials with tokens that expire; one order per {@code GET orders}. */
    public record Cdek(
            @DefaultValue("sandbox-cdek-client") String clientId,
            @DefaultValue("sandbox-cdek-secret") String clientSecret,
            @DefaultValue("3600s") Duration tokenLifetime,
            @DefaultValue("10") double requestsPerSecond) {

        public Cdek {
            positive(requestsPerSecond, 1, 1);
            if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
                throw new IllegalArgumentException("token-lifetime must be positive");
            }
        }
    }

    /** SF Express (Fengqiao) routes: partnerID and check word, at most 10 numbers per request. */
    public record SfExpress(
            @DefaultValue("SANDBOX_SF") String partnerId,
            @DefaultValue("sandbox-sf-checkword") String checkWord,
            @DefaultValue("10") double requestsPerSecond,
            @DefaultValue("10") int maxNumbers) {

        public SfExpress {
            positive(requestsPerSecond, maxNumbers, 1);
        }
    }

    /** Callbacks: how often the due ones are sent, how many at most per round, how long one may take. */
    public record Pushes(
            @DefaultValue("1s") Duration every,
            @DefaultValue("200") int maxPerRound,
            @DefaultValue("5s") Duration timeout) {

        public Pushes {
            positive(1, maxPerRound, 1);
        }
    }

    /** Probabilities per answered number: an event sent twice, the events out of order, a known number unknown. */
    public record Misbehaviour(
            @DefaultValue("0.02") double duplicate,
            @DefaultValue("0.02") double outOfOrder,
            @DefaultValue("0.01") double unknown) {

        public Misbehaviour {
            for (double rate : new double[] {duplicate, outOfOrder, unknown}) {
                if (rate < 0 || rate > 1) {
                    throw new IllegalArgumentException("misbehaviour rates are probabilities in 0..1");
                }
            }
        }

        public static Misbehaviour none() {
            return new Misbehaviour(0, 0, 0);
        }
    }

    private static void positive(double rate, int a, int b) {
        if (!(rate > 0) || a < 1 || b < 1) {
            throw new IllegalArgumentException("silkway.sandbox.carriers: limits must be positive");
        }
    }
}
