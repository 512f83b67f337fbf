package dev.silkway.storefront.auth;

import dev.silkway.storefront.web.ApiException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** The failures of the auth endpoints, each its own type. */
final class Problems {

    private Problems() {}

    static final class BadCredentials extends ApiException {
        BadCredentials() {
            super(HttpStatus.UNAUTHORIZED, "bad-credentials", "Wrong email or password", "Wrong email or password.");
        }
    }

    static final class AccountLocked extends ApiException {
        AccountLocked(Duration retryAfter) {
            super(
                    HttpStatus.LOCKED,
                    "account-locked",
                    "Too many failed sign-ins",
                    "Too many failed sign-ins: try again later.",
                    retryAfter);
        }
    }

    static final class TooManyRequests extends ApiException {
        TooManyRequests(Duration retryAfter) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "rate-limited",
                    "Too many requests",
                    "Too many requests: try again later.",
                    retryAfter);
        }
    }

    static final class AccountBlocked extends ApiException {
        AccountBlocked() {
            super(
                    HttpStatus.FORBIDDEN,
                    "account-blocked",
                    "Account blocked",
                    "This account is blocked; contact support.");
        }
    }

    static final class InvalidRefreshToken extends ApiException {
        InvalidRefreshToken() {
            super(
                    HttpStatus.UNAUTHORIZED,
                    "invalid-refresh-token",
                    "Invalid refresh token",
                    "The refresh token is unknown, used, expired or revoked: sign in again.");
        }
    }

    static final class InvalidOneTimeToken extends ApiException {
        InvalidOneTimeToken() {
            super(HttpStatus.BAD_REQUEST, "invalid-token", "Invalid token", "The token is unknown, used or expired.");
        }
    }
}
