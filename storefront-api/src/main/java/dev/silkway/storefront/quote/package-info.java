/**
 * The landed cost: what a cart costs delivered to an address by one delivery line, to the kopeck
 * (goods at the CBR rate of the day, China domestic delivery per seller, international delivery by
 * chargeable weight, insurance, service fee, customs duty by the destination's rule), with the
 * goods a line cannot carry and a split into parcels when that saves duty. The rules are in
 * {@link dev.silkway.storefront.quote.LandedCost} (pure, no I/O); quotes are stored for 15 minutes
 * and orders are placed from them ({@link dev.silkway.storefront.quote.Quotes}).
 */
@NullMarked
package dev.silkway.storefront.quote;

import org.jspecify.annotations.NullMarked;
