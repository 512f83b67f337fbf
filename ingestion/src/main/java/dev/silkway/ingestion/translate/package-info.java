/**
 * The {@code translate} step of {@code marketplaceIngestJob}, after {@code normalize}: Russian (and, where the feed
 * gives none, English) titles, SKU attribute values and marketplace category names, through the platform's
 * translator; every product whose Russian title changes is published again through the outbox.
 */
@NullMarked
package dev.silkway.ingestion.translate;

import org.jspecify.annotations.NullMarked;
