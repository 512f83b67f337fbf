package dev.silkway.elastic.search;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The orders a product list can take. Every order ends with the product id, so that equal sort
 * values still have a total order and {@code search_after} neither skips nor repeats a product.
 */
public enum ProductSort {
    RELEVANCE,
    RATING("ratingBayes", SortOrder.Desc, "reviewCount", SortOrder.Desc),
    PRICE_ASC("priceMinor", SortOrder.Asc),
    PRICE_DESC("priceMinor", SortOrder.Desc),
    NEWEST("createdAt", SortOrder.Desc),
    POPULAR("sales", SortOrder.Desc, "reviewCount", SortOrder.Desc);

    /** The tiebreaker: product ids are unique. */
    public static final String TIEBREAKER = "productId";

    private final List<String> fields;
    private final List<SortOrder> orders;

    ProductSort(Object... fieldsAndOrders) {
        List<String> f = new ArrayList<>();
        List<SortOrder> o = new ArrayList<>();
        for (int i = 0; i < fieldsAndOrders.length; i += 2) {
            f.add((String) fieldsAndOrders[i]);
            o.add((SortOrder) fieldsAndOrders[i + 1]);
        }
        this.fields = List.copyOf(f);
        this.orders = List.copyOf(o);
    }

    /** The API's spelling: {@code relevance}, {@code price_asc}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProductSort> fromCode(String code) {
        for (ProductSort sort : values()) {
            if (sort.code().equals(code)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }

    /** How many values a hit's sort (and so a cursor) carries. */
    public int sortValueCount() {
        return (this == RELEVANCE ? 1 : fields.size()) + 1;
    }

    List<SortOptions> sortOptions() {
        List<SortOptions> options = new ArrayList<>();
        if (this == RELEVANCE) {
            options.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
        }
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            SortOrder order = orders.get(i);
            options.add(
                    SortOptions.of(s -> s.field(f -> f.field(field).order(order).missing("_last"))));
        }
        options.add(SortOptions.of(s -> s.field(f -> f.field(TIEBREAKER).order(SortOrder.Asc))));
        return options;
    }
}
