/**
 * The purchasing and warehouse partner (the forwarder buying agents use): it buys order lines on the marketplaces,
 * receives them in its China warehouse, consolidates them into a parcel and hands the parcel over to a line.
 *
 * <h2>Requests (Silkway → partner)</h2>
 *
 * JSON over HTTPS, every request signed with the app key and secret:
 *
 * <ul>
 *   <li>{@code X-Partner-Key}: the app key;
 *   <li>{@code X-Partner-Timestamp}: Unix seconds; refused (400 {@code TIMESTAMP_OUT_OF_WINDOW}) when more than 300 s
 *       from the partner's clock;
 *   <li>{@code X-Partner-Signature}: lowercase hex HMAC-SHA256(secret, timestamp + "." + raw body); a wrong key or
 *       signature answers 401 {@code INVALID_SIGNATURE}.
 * </ul>
 *
 * {@code POST /partner/v1/purchases} {@code {reference, marketplace, productId, skuId, quantity, maxPriceCny:"12.50",
 * callbackUrl}}: one order line. 202 {@code {purchaseId, reference, status:"ACCEPTED"}}, or 409 {@code
 * {error:{code:"OUT_OF_STOCK"|"PRICE_CHANGED", message, currentPriceCny?}, reference}}. Idempotent on {@code
 * reference}: the same request again gets the same answer; the reference reused for another
 * line answers 422 {@code REFERENCE_REUSED}.
 *
 * <p>{@code POST /partner/v1/parcels} {@code {reference, purchases:[purchase references], method:AIR|SEA|EXPRESS,
 * destinationCountry, callbackUrl}}: ship the purchases (all arrived at the warehouse, else 409 {@code
 * NOT_AT_WAREHOUSE}) as one parcel. 202 {@code {parcelId, reference, status:"ACCEPTED"}}; idempotent on {@code
 * reference} like purchases.
 *
 * <p>Other errors: 400 {@code INVALID_REQUEST}, 429 {@code RATE_LIMITED}, 5xx (the sandbox's fault rates).
 *
 * <h2>Callbacks (partner → Silkway)</h2>
 *
 * {@code POST callbackUrl} with the same three headers (signed with the same secret, a fresh timestamp on every
 * delivery) and {@code {eventId, type, occurredAt, reference, data}}; any 2xx acknowledges it, anything else (or no
 * answer in 10 s) is delivered again with back-off. {@code type} and {@code data}:
 *
 * <ul>
 *   <li>{@code PURCHASED}: {@code {purchaseId, marketplaceOrderId, paidPriceCny}};
 *   <li>{@code ARRIVED_AT_WAREHOUSE}: {@code {purchaseId, weightGrams, lengthCm, widthCm, heightCm, qcPhotos:[url]}}
 *       (the photos are served by {@code GET /partner/v1/qc/{purchaseId}/{n}.svg});
 *   <li>{@code CONSOLIDATED} (reference = the parcel's): {@code {parcelId, purchases:[reference], weightGrams,
 *       lengthCm, widthCm, heightCm}};
 *   <li>{@code HANDED_OVER}: {@code {parcelId, method, line:{carrier, trackNumber}, lastMile:{carrier,
 *       trackNumber}}}: the track numbers of the journey ({@link dev.silkway.sandbox.journey.Journeys}).
 * </ul>
 *
 * Steps are timed in simulated time ({@code silkway.sandbox.time-factor}). Misbehaviour, configurable and changeable
 * at {@code PUT /sandbox/admin/partner/callbacks}: a share of callbacks delivered twice, a share held back so that the
 * next one overtakes it. {@code PUT /sandbox/admin/partner/skus/{marketplace}/{skuId}} pins a SKU's stock, price and
 * measured size (tests).
 */
@NullMarked
package dev.silkway.sandbox.partner;

import org.jspecify.annotations.NullMarked;
