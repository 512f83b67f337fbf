/**
 * The catalogue: product search (Elasticsearch, through the {@code products} alias) with facets,
 * cursor paging and suggestions; the product page, the category tree and the marketplaces from
 * PostgreSQL. Public: no token needed. Prices show in RUB at the latest CBR rate beside the CNY price.
 */
@NullMarked
package dev.silkway.storefront.catalogue;

import org.jspecify.annotations.NullMarked;
