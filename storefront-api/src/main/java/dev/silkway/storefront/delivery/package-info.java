/**
 * Delivery: the international delivery lines (tariff by chargeable weight, ETA, countries, maximum
 * parcel, restricted goods, insurance), the weight and size of what is shipped (from the feed, else
 * the category's defaults) and their admin API. {@link dev.silkway.storefront.delivery.DeliveryLines}
 * and {@link dev.silkway.storefront.delivery.ShippedGoods} are what the quote uses.
 */
@NullMarked
package dev.silkway.storefront.delivery;

import org.jspecify.annotations.NullMarked;
