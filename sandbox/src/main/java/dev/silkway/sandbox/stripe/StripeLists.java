package dev.silkway.sandbox.stripe;

import dev.silkway.sandbox.catalogue.SandboxJson;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe's list pages: {@code {object:"list", url, has_more, data}}, {@code limit} 1..100 (default 10),
 * {@code starting_after} an id of the previous page, {@code created[gte|gt|lte|lt]} in Unix seconds.
 */
final class StripeLists {

    private StripeLists() {}

    static Predicate<Long> created(MultiValueMap<String, String> params) {
        Predicate<Long> filter = created -> true;
        for (String op : List.of("gte", "gt", "lte", "lt")) {
            String name = "created[" + op + "]";
            if (params.getFirst(name) != null) {
                long bound = StripeForms.integer(params, name);
                Predicate<Long> one = switch (op) {
                    case "gte" -> c -> c >= bound;
                    case "gt" -> c -> c > bound;
                    case "lte" -> c -> c <= bound;
                    default -> c -> c < bound;
                };
                filter = filter.and(one);
            }
        }
        return filter;
    }

    static ObjectNode page(String url, List<StripeIntent> all, MultiValueMap<String, String> params) {
        long limit = params.getFirst("limit") == null ? 10 : StripeForms.integer(params, "limit");
        if (limit < 1 || limit > 100) {
            throw StripeRefused.with(StripeErrors.invalidRequest(
                    "parameter_invalid_integer",
                    "This value must be between 1 and 100 (it currently is " + limit + ").",
                    "limit"));
        }
        int from = 0;
        String after = params.getFirst("starting_after");
        if (after != null) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id.equals(after)) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw StripeRefused.with(StripeErrors.invalidRequest(
                        "resource_missing", "No such payment_intent: '" + after + "'", "starting_after"));
            }
        }
        int to = (int) Math.min(all.size(), from + limit);
        ArrayNode data = SandboxJson.array();
        all.subList(from, to).forEach(i -> data.add(i.json()));
        return StripeSandbox.list(url, data, to < all.size());
    }
}
