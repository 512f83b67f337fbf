package dev.silkway.elastic.search;

import org.jspecify.annotations.Nullable;

/** A price facet bucket in the index's currency (CNY minor units): {@code from} inclusive, {@code to} exclusive. */
public record PriceRange(@Nullable Long fromMinor, @Nullable Long toMinor) {}
