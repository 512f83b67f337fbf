package dev.silkway.sandbox.yookassa;

import dev.silkway.sandbox.catalogue.SandboxJson;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.node.ObjectNode;

/** Errors as YooKassa returns them: {@code {type:"error", id, code, description, parameter}}. */
final class YooKassaErrors {

    private YooKassaErrors() {}

    static ResponseEntity<String> invalidRequest(String description, @Nullable String parameter) {
        return error(HttpStatus.BAD_REQUEST, "invalid_request", description, parameter);
    }

    static ResponseEntity<String> invalidCredentials() {
        return error(
                HttpStatus.UNAUTHORIZED,
                "invalid_credentials",
                "Authentication by given credentials failed",
                "Authorization");
    }

    static ResponseEntity<String> notFound(String what) {
        return error(HttpStatus.NOT_FOUND, "not_found", what + " doesn't exist or access denied", null);
    }

    static ResponseEntity<String> tooManyRequests() {
        return error(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", "Wait and try again", null);
    }

    static ResponseEntity<String> internalServerError() {
        return error(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_server_error",
                "Internal server error, the result is unknown; repeat the request with the same Idempotence-Key",
                null);
    }

    private static ResponseEntity<String> error(
            HttpStatus status, String code, String description, @Nullable String parameter) {
        ObjectNode body = SandboxJson.object()
                .put("type", "error")
                .put("id", UUID.randomUUID().toString())
                .put("code", code)
                .put("description", description);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        return SandboxJson.answer(status, body);
    }
}
