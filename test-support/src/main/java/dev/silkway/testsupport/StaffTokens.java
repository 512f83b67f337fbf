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
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Access tokens shaped like the storefront's (RS256, issuer {@code silkway-storefront}, a {@code roles} claim, the
 * account id as subject, every application as audience), signed with a test key whose public half is served as a JWKS on a local port for the
 * application under test. The applications refuse a token whose account is not active in their database, so a
 * test first creates the account ({@link #forNewAccount}).
 */
public final class StaffTokens {

    public static final String ISSUER = "silkway-storefront";

    /** The audiences of a staff token from the storefront: every application. */
    public static final List<String> STAFF_AUDIENCES =
            List.of("storefront-api", "ingestion", "search-indexer", "tracking-poller");

    private static final RSAKey KEY = generate();
    private static final RSAKey UNPUBLISHED_KEY = generate();
    private static final HttpServer JWKS = serve(KEY);
    private static final SecureRandom random = new SecureRandom();

    private StaffTokens() {}

    /** Points {@code silkway.security.jwks-uri} at the test JWKS. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("silkway.security.jwks-uri", StaffTokens::jwksUri);
    }

    public static String jwksUri() {
        return "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** A token of a new active account with these roles, created in {@code database}. */
    public static String forNewAccount(DataSource database, String... roles) {
        return token(createAccount(database, roles), roles);
    }

    /**
     * An active account with these roles. Its personal data is random bytes: the applications that accept staff
     * tokens only read the account's status, never decrypt it.
     */
    public static UUID createAccount(DataSource database, String... roles) {
        JdbcClient jdbc = JdbcClient.create(database);
        UUID id = jdbc.sql("INSERT INTO users (email_enc, email_bidx, full_name_enc, phone_enc, phone_bidx,"
                        + " pii_key_id, password_hash) VALUES (?, ?, ?, ?, ?, 'test', 'unusable') RETURNING id")
                .params(bytes(), bytes(), bytes(), bytes(), bytes())
                .query(UUID.class)
                .single();
        for (String role : roles) {
            jdbc.sql("INSERT INTO user_roles (user_id, role_code) VALUES (?, ?)")
                    .params(id, role)
                    .update();
        }
        return id;
    }

    public static String token(UUID subject, String... roles) {
        return sign(KEY, ISSUER, STAFF_AUDIENCES, subject, roles);
    }

    /** A token of a new active account with these roles for these audiences only. */
    public static String forAudiences(DataSource database, List<String> audiences, String... roles) {
        return sign(KEY, ISSUER, audiences, createAccount(database, roles), roles);
    }

    /** Signed like the others but with a key the JWKS does not publish. */
    public static String forged(String... roles) {
        return sign(UNPUBLISHED_KEY, ISSUER, STAFF_AUDIENCES, UUID.randomUUID(), roles);
    }

    /** Signed with the published key but issued by someone other than the storefront. */
    public static String fromIssuer(String issuer, UUID subject, String... roles) {
        return sign(KEY, issuer, STAFF_AUDIENCES, subject, roles);
    }

    private static String sign(RSAKey key, String issuer, List<String> audiences, UUID subject, String... roles) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject.toString())
                .audience(audiences)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("roles", List.of(roles))
                .claim("iat_ms", now.toEpochMilli())
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

    private static byte[] bytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

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
            server.setExecutor(null);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
