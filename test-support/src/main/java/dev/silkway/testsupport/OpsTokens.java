package dev.silkway.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Access tokens shaped like the storefront's (RS256, issuer {@code silkway-storefront}, a {@code roles}
 * claim), signed with a test key whose public half is served as a JWKS on a local port: what an
 * application on the platform's resource server checks its ops API with. Call {@link #register} from
 * a {@code @DynamicPropertySource} method.
 */
public final class OpsTokens {

    public static final String ISSUER = "silkway-storefront";

    private static final RSAKey KEY = generate();
    private static final RSAKey FOREIGN_KEY = generate();
    private static final HttpServer JWKS = serve(KEY);

    private OpsTokens() {}

    /** Points {@code silkway.security.jwks-uri} at the test JWKS. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("silkway.security.jwks-uri", OpsTokens::jwksUri);
    }

    public static String jwksUri() {
        return "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/.well-known/jwks.json";
    }

    public static String operator() {
        return token(List.of("OPERATOR"));
    }

    public static String admin() {
        return token(List.of("ADMIN"));
    }

    public static String shopper() {
        return token(List.of("SHOPPER"));
    }

    public static String token(List<String> roles) {
        return sign(KEY, ISSUER, roles);
    }

    /** A token with these roles signed by a key that the JWKS does not hold: a forgery. */
    public static String signedByAForeignKey(List<String> roles) {
        return sign(FOREIGN_KEY, ISSUER, roles);
    }

    /** A token with these roles from another issuer, signed with the right key. */
    public static String issuedBy(String issuer, List<String> roles) {
        return sign(KEY, issuer, roles);
    }

    private static String sign(RSAKey key, String issuer, List<String> roles) {
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.randomUUID().toString())
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .claim("roles", roles)
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a JWKS on a free local port, for as long as the test JVM runs. */
    private static HttpServer serve(RSAKey key) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
