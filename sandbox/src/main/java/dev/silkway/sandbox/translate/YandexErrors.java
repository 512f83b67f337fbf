package dev.silkway.sandbox.translate;

import dev.silkway.sandbox.catalogue.SandboxJson;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Errors as Yandex Cloud's API gateway returns them: {@code {code, message, details}} with the gRPC status code and a
 * {@code google.rpc.RequestInfo} detail carrying the request id.
 */
final class YandexErrors {

    private YandexErrors() {}

    static ResponseEntity<String> invalidArgument(String message) {
        return error(HttpStatus.BAD_REQUEST, 3, message);
    }

    static ResponseEntity<String> unauthenticated() {
        return error(HttpStatus.UNAUTHORIZED, 16, "Unknown api key");
    }

    static ResponseEntity<String> permissionDenied(String folderId) {
        return error(HttpStatus.FORBIDDEN, 7, "Permission to [resource-manager.folder " + folderId + "] denied");
    }

    static ResponseEntity<String> resourceExhausted() {
        return error(HttpStatus.TOO_MANY_REQUESTS, 8, "limit on requests was exceeded");
    }

    static ResponseEntity<String> unavailable() {
        return error(HttpStatus.SERVICE_UNAVAILABLE, 14, "Service is temporarily unavailable");
    }

    private static ResponseEntity<String> error(HttpStatus status, int code, String message) {
        ObjectNode body = SandboxJson.object().put("code", code).put("message", message);
        body.putArray("details")
                .addObject()
                .put("@type", "type.googleapis.com/google.rpc.RequestInfo")
                .put("requestId", UUID.randomUUID().toString());
        return SandboxJson.answer(status, body);
    }
}
