package dev.silkway.sandbox.nowpayments;

import dev.silkway.sandbox.catalogue.SandboxJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** NOWPayments' errors: {@code {"status":false,"statusCode":400,"code":"INVALID_REQUEST_PARAMS","message":"..."}}. */
final class NowPaymentsErrors {

    private NowPaymentsErrors() {}

    static ResponseEntity<String> invalid(String message) {
        return error(HttpStatus.BAD_REQUEST, "INVALID_REQUEST_PARAMS", message);
    }

    static ResponseEntity<String> invalidApiKey() {
        return error(HttpStatus.FORBIDDEN, "INVALID_API_KEY", "Invalid api key");
    }

    static ResponseEntity<String> authRequired() {
        return error(
                HttpStatus.UNAUTHORIZED,
                "AUTH_REQUIRED",
                "Authorization header is empty (Bearer JWTtoken is required)");
    }

    static ResponseEntity<String> tokenExpired() {
        return error(HttpStatus.UNAUTHORIZED, "TOKEN_EXPIRED", "JWT token expired");
    }

    static ResponseEntity<String> badCredentials() {
        return error(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS", "Invalid email or password");
    }

    static ResponseEntity<String> notFound(String what) {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    static ResponseEntity<String> tooManyRequests() {
        return error(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", "Too many requests");
    }

    static ResponseEntity<String> internal() {
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Internal server error");
    }

    private static ResponseEntity<String> error(HttpStatus status, String code, String message) {
        return SandboxJson.answer(
                status,
                SandboxJson.object()
                        .put("status", false)
                        .put("statusCode", status.value())
                        .put("code", code)
                        .put("message", message));
    }
}
