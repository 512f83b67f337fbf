package dev.silkway.ingestion.ops;

import java.util.ArrayList;
import java.util.List;

/** {@code page}/{@code size} rules of every ops list: page ≥ 0, size 1..500. */
final class Paging {

    private Paging() {}

    static void check(int page, int size) {
        List<OpsProblem.FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new OpsProblem.FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > 500) {
            errors.add(new OpsProblem.FieldError("size", "must be between 1 and 500"));
        }
        if (!errors.isEmpty()) {
            throw OpsProblem.invalid(errors);
        }
    }
}
