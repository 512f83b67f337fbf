package dev.silkway.ingestion.ops;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A refused ops request, answered as problem+json (with {@code errors[]} for validation). */
class OpsProblem extends RuntimeException {

    record FieldError(String field, String message) {}

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    private OpsProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    static OpsProblem notFound(String what) {
        return new OpsProblem(HttpStatus.NOT_FOUND, "Not found", what + " does not exist", List.of());
    }

    static OpsProblem conflict(String detail) {
        return new OpsProblem(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    /** The marketplace a dry run asked failed (its message names the feed and the HTTP status, never a secret). */
    static OpsProblem feedFailed(String detail) {
        return new OpsProblem(HttpStatus.BAD_GATEWAY, "The feed could not be fetched", detail, List.of());
    }

    /** Another application that does the work (the tracking poller) did not take it in time. */
    static OpsProblem unavailable(String detail) {
        return new OpsProblem(HttpStatus.SERVICE_UNAVAILABLE, "Not taken in time", detail, List.of());
    }

    static OpsProblem invalid(List<FieldError> errors) {
        return new OpsProblem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields", errors);
    }

    static OpsProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    List<FieldError> errors() {
        return errors;
    }
}
