/**
 * What a marketplace answers, as offers: the raw record, its parsing into an {@link
 * dev.silkway.ingestion.marketplace.offer.Offer} (text, price and JSON rules shared by every connector and the
 * declarative feeds) and why a record is rejected.
 */
@NullMarked
package dev.silkway.ingestion.marketplace.offer;

import org.jspecify.annotations.NullMarked;
