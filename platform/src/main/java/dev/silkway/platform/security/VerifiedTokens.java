package dev.silkway.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The access-token decoder: a token's signature is checked and its claims parsed once, then kept (at most
 * {@value #KEPT} tokens, each at most {@link #KEPT_FOR}); the validators run on every use, so expiry, issuer,
 * audience and the account's session ({@link AccountSessionGuard}) are checked on each request as before. A
 * shopper's client sends the same token with every request until it expires: the RSA verification and the JSON
 * parsing are what is not repeated. A token that fails its signature or its parsing is not kept.
 *
 * <p>The issuer is kept as the string it is ({@code silkway-storefront} is a StringOrURI that is no URL): Spring's
 * default conversion tries it as a URL first and throws and catches an exception for every token.
 */
public final class VerifiedTokens implements JwtDecoder {

    static final int KEPT = 10_000;

    static final Duration KEPT_FOR = Duration.ofMinutes(5);

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified =
            Caffeine.newBuilder().maximumSize(KEPT).expireAfterWrite(KEPT_FOR).build();

    private VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
        this.verifier = verifier;
        this.validator = validator;
    }

    /** Decodes with {@code decoder} (its signature check and parsing) and validates every use with {@code validator}. */
    public static VerifiedTokens of(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return new VerifiedTokens(decoder, validator);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token, verifier::decode);
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            String description = result.getErrors().stream()
                    .map(OAuth2Error::getDescription)
                    .filter(text -> text != null && !text.isEmpty())
                    .findFirst()
                    .orElse("Unable to validate Jwt");
            throw new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: " + description, result.getErrors());
        }
        return jwt;
    }
}
