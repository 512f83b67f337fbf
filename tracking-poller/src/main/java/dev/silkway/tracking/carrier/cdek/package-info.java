/** CDEK API v2: OAuth2 client credentials, orders by CDEK number, ORDER_STATUS webhooks. */
@NullMarked
package dev.silkway.tracking.carrier.cdek;

import org.jspecify.annotations.NullMarked;
