package dev.silkway.sandbox.stripe;

import dev.silkway.sandbox.catalogue.SandboxJson;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.node.ObjectNode;

/** Stripe's errors: {@code {"error":{"type","code","message","param","request_log_url"}}} with its HTTP statuses. */
final class StripeErrors {

    private StripeErrors() {}

    static ResponseEntity<String> invalidRequest(@Nullable String code, String message, @Nullable String param) {
        return error(HttpStatus.BAD_REQUEST, "invalid_request_error", code, message, param);
    }

    static ResponseEntity<String> missing(String param) {
        return invalidRequest("parameter_missing", "Missing required param: " + param + ".", param);
    }

    static ResponseEntity<String> noSuch(String kind, String id, String param) {
        return error(
                HttpStatus.NOT_FOUND,
                "invalid_request_error",
                "resource_missing",
                "No such " + kind + ": '" + id + "'",
                param);
    }

    static ResponseEntity<String> unauthorized(@Nullable String presented) {
        String message = presented == null
                ? "You did not provide an API key. You need to provide your API key in the Authorization header,"
                        + " using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
                : "Invalid API Key provided: " + masked(presented);
        return error(HttpStatus.UNAUTHORIZED, "invalid_request_error", null, message, null);
    }

    static ResponseEntity<String> idempotencyMismatch(String key) {
        return error(
                HttpStatus.BAD_REQUEST,
                "idempotency_error",
                null,
                "Keys for idempotent requests can only be used with the same parameters they were first used with."
                        + " Try using a key other than '" + key + "' if you meant to execute a different request.",
                null);
    }

    static ResponseEntity<String> rateLimited() {
        return error(
                HttpStatus.TOO_MANY_REQUESTS,
                "invalid_request_error",
                "rate_limit",
                "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
                null);
    }

    static ResponseEntity<String> apiError() {
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .header("Stripe-Should-Retry", "true")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(SandboxJson.MAPPER.writeValueAsString(
                        body("api_error", null, "An unknown error occurred", null)));
    }

    private static ResponseEntity<String> error(
            HttpStatus status, String type, @Nullable String code, String message, @Nullable String param) {
        return SandboxJson.answer(status, body(type, code, message, param));
    }

    private static ObjectNode body(String type, @Nullable String code, String message, @Nullable String param) {
        ObjectNode root = SandboxJson.object();
        ObjectNode error = root.putObject("error").put("type", type).put("message", message);
        if (code != null) {
            error.put("code", code).put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        if (param != null) {
            error.put("param", param);
        }
        return root;
    }

    /** The key as Stripe shows it back: its prefix and last four characters. */
    private static String masked(String key) {
        int cut = key.indexOf('_', 3);
        String prefix = cut > 0 ? key.substring(0, cut + 1) : "";
        return prefix
                + "*".repeat(Math.max(0, key.length() - prefix.length() - 4))
                + key.substring(Math.max(prefix.length(), key.length() - 4));
    }
}
