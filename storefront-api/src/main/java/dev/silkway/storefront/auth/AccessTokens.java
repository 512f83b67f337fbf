package dev.silkway.storefront.auth;

import dev.silkway.platform.security.AccountSessionGuard;
import dev.silkway.platform.security.ResourceServerProperties;
import dev.silkway.storefront.account.Account;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signs short-lived access tokens (RS256): subject = user id, {@code roles} = the account's roles, {@code sid} = the
 * session (refresh-token family), {@code aud} = the storefront and, for an OPERATOR or ADMIN, the staff applications
 * ({@code silkway.security.jwt.staff-audiences}); each application refuses a token without its own audience.
 */
@Component
class AccessTokens {

    static final String ROLES_CLAIM = AccountSessionGuard.ROLES_CLAIM;

    private static final Set<String> STAFF_ROLES = Set.of("OPERATOR", "ADMIN");

    private final JwtEncoder encoder;
    private final AuthProperties properties;
    private final ResourceServerProperties audience;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, AuthProperties properties, ResourceServerProperties audience, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.audience = audience;
        this.clock = clock;
    }

    String issue(Account account, UUID session) {
        Instant now = clock.instant();
        List<String> audiences = new ArrayList<>(List.of(audience.audience()));
        if (account.roles().stream().anyMatch(STAFF_ROLES::contains)) {
            audiences.addAll(properties.jwt().staffAudiences());
        }
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.jwt().issuer())
                .subject(account.id().toString())
                .audience(audiences)
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl()))
                .claim(AccountSessionGuard.ISSUED_AT_MILLIS_CLAIM, now.toEpochMilli())
                .claim(AccountSessionGuard.SESSION_CLAIM, session.toString())
                .claim(ROLES_CLAIM, account.roles().stream().sorted().toList())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    Duration ttl() {
        return properties.jwt().accessTokenTtl();
    }
}
