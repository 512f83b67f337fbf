package dev.silkway.sandbox.catalogue;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.sandbox.*}. {@code generation} drives the price/stock drift (default: today's epoch day, so every
 * day's run sees changed prices while ids and titles stay); the credentials are sandbox-only defaults.
 */
@ConfigurationProperties("silkway.sandbox")
public record SandboxProperties(
        @DefaultValue("20260101") long seed,
        @DefaultValue("2000") long productsPerMarketplace,
        @Nullable Long generation,
        @DefaultValue("50") double rateLimitPerSecond,
        @DefaultValue FaultRates faults,
        @DefaultValue Platforms credentials) {

    public SandboxProperties {
        if (productsPerMarketplace < 1 || productsPerMarketplace > 10_000_000) {
            throw new IllegalArgumentException("silkway.sandbox.products-per-marketplace must be 1..10,000,000");
        }
        if (!(rateLimitPerSecond > 0)) {
            throw new IllegalArgumentException("silkway.sandbox.rate-limit-per-second must be positive");
        }
    }

    /** What misbehaves and how often; every rate is a probability in 0..1. */
    public record FaultRates(
            @DefaultValue("0.01") double rateLimit,
            @DefaultValue("0.01") double serverError,
            @DefaultValue("0.01") double slow,
            @DefaultValue("3s") Duration slowDelay,
            @DefaultValue("0.02") double malformed) {

        public FaultRates {
            for (double rate : new double[] {rateLimit, serverError, slow, malformed}) {
                if (rate < 0 || rate > 1) {
                    throw new IllegalArgumentException("fault rates are probabilities in 0..1");
                }
            }
            if (slowDelay.isNegative()) {
                throw new IllegalArgumentException("slow-delay must not be negative");
            }
        }

        public static FaultRates none() {
            return new FaultRates(0, 0, 0, Duration.ZERO, 0);
        }
    }

    public record Credentials(String appKey, String appSecret) {}

    /** SANDBOX-ONLY credentials, published in the README; never real ones. */
    public record Platforms(
            @Nullable Credentials taobao,
            @Nullable Credentials jd,
            @Nullable Credentials alibaba1688,
            @Nullable Credentials poizon,
            @Nullable Credentials pinduoduo) {

        public Platforms {
            taobao = taobao != null ? taobao : new Credentials("sandbox-taobao-key", "sandbox-taobao-secret");
            jd = jd != null ? jd : new Credentials("sandbox-jd-key", "sandbox-jd-secret");
            alibaba1688 = alibaba1688 != null ? alibaba1688 : new Credentials("1688001", "sandbox-1688-secret");
            poizon = poizon != null ? poizon : new Credentials("sandbox-poizon-key", "sandbox-poizon-secret");
            pinduoduo = pinduoduo != null ? pinduoduo : new Credentials("sandbox-pdd-client", "sandbox-pdd-secret");
        }
    }
}
