/**
 * Reference data kept in memory: the tables that every cart view, quote and order reads and that change
 * rarely (CBR rates of the day, delivery lines, customs rules). Each instance keeps its copy for a short
 * time ({@link ReferenceDataProperties#ttl()}); an edit made through this instance drops its copy at once,
 * and the other instances see it when theirs expires.
 */
@NullMarked
package dev.silkway.storefront.reference;

import org.jspecify.annotations.NullMarked;
