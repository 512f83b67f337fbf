package dev.silkway.ingestion.generic;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Adds a feed's auth headers to a request: nothing, the API key, or an HMAC signature of the request. */
final class RequestSigner {

    private final FeedDefinition.Auth auth;
    private final FeedCredentials credentials;
    private final Clock clock;

    RequestSigner(FeedDefinition.Auth auth, FeedCredentials credentials) {
        this(auth, credentials, Clock.systemUTC());
    }

    RequestSigner(FeedDefinition.Auth auth, FeedCredentials credentials, Clock clock) {
        this.auth = auth;
        this.credentials = credentials;
        this.clock = clock;
    }

    void sign(HttpRequest.Builder request, URI uri) {
        switch (auth.type()) {
            case "api-key" ->
                request.header(Objects.requireNonNull(auth.header()), Objects.requireNonNull(credentials.key()));
            case "hmac" -> {
                String timestamp = Long.toString(clock.instant().getEpochSecond());
                String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                String text = "timestamp-path-and-query".equals(auth.signed())
                        ? timestamp + "\nGET\n" + target
                        : "GET\n" + target;
                request.header(Objects.requireNonNull(auth.timestampHeader()), timestamp);
                if (auth.keyHeader() != null) {
                    request.header(auth.keyHeader(), Objects.requireNonNull(credentials.key()));
                }
                request.header(Objects.requireNonNull(auth.header()), signature(text));
            }
            default -> {}
        }
    }

    String signature(String text) {
        String algorithm = Objects.requireNonNull(auth.algorithm());
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(
                    Objects.requireNonNull(credentials.secret()).getBytes(StandardCharsets.UTF_8), algorithm));
            byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return "base64".equals(auth.encoding())
                    ? Base64.getEncoder().encodeToString(digest)
                    : HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
