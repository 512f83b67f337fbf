/**
 * Product search shared by the storefront and the benchmarks: one {@link dev.silkway.elastic.search.ProductQuery}
 * becomes one Elasticsearch request (full text in three languages, filters, multi-select facets,
 * sort and {@code search_after} paging) through {@link dev.silkway.elastic.search.ProductSearchRequests}.
 */
package dev.silkway.elastic.search;
