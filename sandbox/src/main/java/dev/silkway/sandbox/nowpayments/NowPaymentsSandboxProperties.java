package dev.silkway.sandbox.nowpayments;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.sandbox.nowpayments.*}: the SANDBOX-ONLY API key, account (for {@code POST /v1/auth}) and IPN
 * secret; the coin the page pays in and how many dollars, euros and roubles one coin is worth; how long a JWT
 * lives (NOWPayments: 5 minutes); the rate limit.
 */
@ConfigurationProperties("silkway.sandbox.nowpayments")
record NowPaymentsSandboxProperties(
        @DefaultValue("sandbox-nowpayments-key") String apiKey,
        @DefaultValue("sandbox@silkway.local") String email,
        @DefaultValue("sandbox-nowpayments-password") String password,
        @DefaultValue("sandbox-nowpayments-ipn-secret") String ipnSecret,
        @DefaultValue("usdttrc20") String payCurrency,
        @DefaultValue("1") BigDecimal usdPerCoin,
        @DefaultValue("0.92") BigDecimal eurPerCoin,
        @DefaultValue("95.5") BigDecimal rubPerCoin,
        @DefaultValue("5m") Duration tokenLifetime,
        @DefaultValue("10") double requestsPerSecond) {

    NowPaymentsSandboxProperties {
        if (apiKey.isBlank() || ipnSecret.isBlank() || email.isBlank() || password.isBlank()) {
            throw new IllegalArgumentException("silkway.sandbox.nowpayments: keys and account must be set");
        }
        if (usdPerCoin.signum() <= 0 || eurPerCoin.signum() <= 0 || rubPerCoin.signum() <= 0) {
            throw new IllegalArgumentException("silkway.sandbox.nowpayments: the coin's prices must be positive");
        }
        if (!(requestsPerSecond > 0) || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("silkway.sandbox.nowpayments: rate and token lifetime positive");
        }
    }

    /** How many units of each price currency (usd, eur, rub) one coin is worth. */
    Map<String, BigDecimal> pricePerCoin() {
        return Map.of("usd", usdPerCoin, "eur", eurPerCoin, "rub", rubPerCoin);
    }
}
