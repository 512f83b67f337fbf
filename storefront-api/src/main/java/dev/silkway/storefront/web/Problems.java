package dev.silkway.storefront.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builders of the problem details the API answers with. */
public final class Problems {

    public static final String TYPE_BASE = "https://silkway.dev/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** 400 with one {@code {field, message}} per invalid field. */
    public static ProblemDetail validation(List<Map<String, String>> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "Some fields are invalid.");
        problem.setProperty("errors", errors);
        return problem;
    }
}
