package dev.silkway.storefront.catalogue;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The raw query parameters of {@code GET /api/v1/products}, as the shopper sent them. */
record SearchParameters(
        @Nullable String q,
        @Nullable List<String> category,
        @Nullable List<String> marketplace,
        @Nullable List<String> brand,
        @Nullable String priceMin,
        @Nullable String priceMax,
        @Nullable String ratingMin,
        @Nullable String inStock,
        @Nullable String sort,
        @Nullable String size,
        @Nullable String cursor) {}
