package dev.silkway.storefront.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The RSA key pair that signs access tokens, from PEM or from a JWK set; its public half is the JWKS. */
final class SigningKey {

    private SigningKey() {}

    static RSAKey from(AuthProperties.Jwt jwt) {
        try {
            if (!jwt.jwkSet().isBlank()) {
                return JWKSet.parse(jwt.jwkSet()).getKeys().stream()
                        .filter(k -> k instanceof RSAKey && k.isPrivate())
                        .map(JWK::toRSAKey)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("SILKWAY_JWT_JWK_SET holds no private RSA key"));
            }
            if (jwt.privateKey().isBlank() || jwt.publicKey().isBlank()) {
                throw new IllegalStateException("The JWT signing key is missing: set SILKWAY_JWT_PRIVATE_KEY and "
                        + "SILKWAY_JWT_PUBLIC_KEY (PEM) or SILKWAY_JWT_JWK_SET (see the README, Security)");
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(pem(jwt.publicKey())));
            var privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(jwt.privateKey())));
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint()
                    .build();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "The JWT signing key cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] pem(String text) {
        String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
