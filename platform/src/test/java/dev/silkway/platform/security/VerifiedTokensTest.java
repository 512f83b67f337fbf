package dev.silkway.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class VerifiedTokensTest {

    private static final RSAKey KEY = generate();
    private static final RSAKey OTHER_KEY = generate();

    @Test
    void runsEveryValidatorOnEveryUseOfAKeptToken() {
        AtomicInteger checks = new AtomicInteger();
        AtomicBoolean sessionEnded = new AtomicBoolean();
        OAuth2TokenValidator<Jwt> session = jwt -> {
            checks.incrementAndGet();
            return sessionEnded.get()
                    ? OAuth2TokenValidatorResult.failure(
                            new OAuth2Error("invalid_token", "The session has ended", null))
                    : OAuth2TokenValidatorResult.success();
        };
        VerifiedTokens tokens = decoderTrusting(KEY, session);
        String token = sign(KEY, Instant.now().plusSeconds(600));

        assertThat(tokens.decode(token).getSubject()).isEqualTo("shopper-1");
        assertThat(tokens.decode(token).getClaimAsString("iss")).isEqualTo("silkway-storefront");
        sessionEnded.set(true);

        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("The session has ended");
        assertThat(checks).hasValue(3);
    }

    @Test
    void refusesAKeptTokenOnceItHasExpired() {
        Instant issued = Instant.parse("2026-12-07T10:00:00Z");
        var expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(Clock.fixed(issued, ZoneOffset.UTC));
        VerifiedTokens tokens = decoderTrusting(KEY, expiry);
        String token = sign(KEY, issued.plusSeconds(900));

        assertThat(tokens.decode(token).getExpiresAt()).isEqualTo(issued.plusSeconds(900));
        expiry.setClock(Clock.fixed(issued.plusSeconds(901), ZoneOffset.UTC));

        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void refusesATokenSignedByAnotherKeyEveryTimeItIsSent() {
        VerifiedTokens tokens = decoderTrusting(KEY, jwt -> OAuth2TokenValidatorResult.success());
        String forged = sign(OTHER_KEY, Instant.now().plusSeconds(600));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        }
    }

    private static VerifiedTokens decoderTrusting(RSAKey key, OAuth2TokenValidator<Jwt> session) {
        try {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            return VerifiedTokens.of(
                    decoder,
                    new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator("silkway-storefront"), session));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey key, Instant expires) {
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        var claims = JwtClaimsSet.builder()
                .issuer("silkway-storefront")
                .subject("shopper-1")
                .issuedAt(expires.minusSeconds(900))
                .expiresAt(expires)
                .build();
        return encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("k-" + System.nanoTime()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
