package dev.silkway.storefront.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token and throttling settings. The signing key comes from the environment only:
 * {@code SILKWAY_JWT_PRIVATE_KEY} + {@code SILKWAY_JWT_PUBLIC_KEY} (PEM, RSA) or {@code SILKWAY_JWT_JWK_SET}
 * (a JWK set JSON whose first RSA key holds the private part).
 */
@ConfigurationProperties("silkway.security")
record AuthProperties(
        @DefaultValue Jwt jwt,
        @DefaultValue("P30D") Duration refreshTokenTtl,
        @DefaultValue("PT30M") Duration passwordResetTtl,
        @DefaultValue("P3D") Duration emailVerificationTtl,
        @DefaultValue Throttling throttling) {

    /** @param staffAudiences the applications an OPERATOR's or ADMIN's token is also meant for */
    record Jwt(
            @DefaultValue("") String privateKey,
            @DefaultValue("") String publicKey,
            @DefaultValue("") String jwkSet,
            @DefaultValue("silkway-storefront") String issuer,
            @DefaultValue("PT15M") Duration accessTokenTtl,

            @DefaultValue({"ingestion", "search-indexer", "tracking-poller"})
            List<String> staffAudiences) {

        @Override
        public String toString() {
            return "Jwt[issuer=" + issuer + ", accessTokenTtl=" + accessTokenTtl + ", keys hidden]";
        }
    }

    /**
     * @param loginFailures failed logins per account (and per window) before the lockout
     * @param loginWindow the window those failures are counted in; also the lockout's length
     * @param loginPerAddress login attempts per client address and window
     * @param registrationsPerAddress registrations per client address per hour
     * @param resetsPerAddress password-reset requests per client address per hour
     * @param resetsPerAccount password-reset requests per email per hour
     */
    record Throttling(
            @DefaultValue("5") int loginFailures,
            @DefaultValue("PT15M") Duration loginWindow,
            @DefaultValue("50") int loginPerAddress,
            @DefaultValue("10") int registrationsPerAddress,
            @DefaultValue("10") int resetsPerAddress,
            @DefaultValue("3") int resetsPerAccount) {}
}
