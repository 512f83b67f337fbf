package dev.silkway.storefront.payment.yookassa;

import dev.silkway.platform.outbound.AnswerLimits;
import dev.silkway.platform.retry.Backoff;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.payments.yookassa.*}: the API's base URL, the shop's id and secret key (from the
 * environment, never logged), the networks its notifications may come from (YooKassa's published ones by
 * default; the local stack adds loopback), and the bounds of every call (connect timeout, answer size and
 * time, at most {@code requests-per-second}, retries of 5xx / 429 / timeouts with the same Idempotence-Key).
 */
@ConfigurationProperties("silkway.payments.yookassa")
record YooKassaProperties(
        @DefaultValue("https://api.yookassa.ru/v3") String baseUrl,
        @DefaultValue("") String shopId,
        @DefaultValue("") String secretKey,

        @DefaultValue({
            "185.71.76.0/27",
            "185.71.77.0/27",
            "77.75.153.0/25",
            "77.75.156.11/32",
            "77.75.156.35/32",
            "77.75.154.128/25",
            "2a02:5180::/32"
        })
        List<String> notificationNetworks,

        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue AnswerLimits limits,
        @DefaultValue Backoff retry,
        @DefaultValue("100") double requestsPerSecond,
        @DefaultValue("100") int pageSize) {

    YooKassaProperties {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("silkway.payments.yookassa.requests-per-second must be positive");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("silkway.payments.yookassa.page-size must be 1..100");
        }
        notificationNetworks.forEach(Networks.Network::parse);
    }

    boolean configured() {
        return !shopId.isBlank() && !secretKey.isBlank();
    }
}
