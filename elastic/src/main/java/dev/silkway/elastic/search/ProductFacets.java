package dev.silkway.elastic.search;

/** The names of the facets (aggregations) in a product search response. */
public final class ProductFacets {

    public static final String CATEGORY = "category";
    public static final String MARKETPLACE = "marketplace";
    public static final String BRAND = "brand";
    public static final String PRICE = "price";
    public static final String RATING = "rating";
    /**
     * Not a facet: the categories (and their ancestors) of the hits whose category a word of the text
     * names, from which the caller picks the category to suggest.
     */
    public static final String CATEGORY_INTENT = "categoryIntent";
    /** The sub-aggregation inside each facet's filter aggregation that holds the buckets. */
    public static final String BUCKETS = "buckets";

    /** Enough for the category tree's every level and for the brands a page shows. */
    public static final int CATEGORY_FACET_SIZE = 200;

    public static final int BRAND_FACET_SIZE = 30;

    private ProductFacets() {}
}
