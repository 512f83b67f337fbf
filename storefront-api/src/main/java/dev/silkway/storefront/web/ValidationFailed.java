package dev.silkway.storefront.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A field-level rule checked in code (password policy, postal code by country, ...). */
public class ValidationFailed extends ApiException {

    private final List<Map<String, String>> errors;

    private ValidationFailed(List<Map<String, String>> errors) {
        super(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "Some fields are invalid.");
        this.errors = List.copyOf(errors);
    }

    public static ValidationFailed field(String field, String message) {
        return new ValidationFailed(List.of(Map.of("field", field, "message", message)));
    }

    public static ValidationFailed fields(List<Map<String, String>> errors) {
        return new ValidationFailed(errors);
    }

    List<Map<String, String>> errors() {
        return errors;
    }
}
