/**
 * Shipments as the carriers report them: tracking events stored once each, each leg's status from its
 * newest event, the shipment's status and stage from its legs (the stage never moves backwards), its
 * ETA, and a {@code ShipmentStatusChanged} outbox event in the same transaction; the operators'
 * lists of stuck parcels, customs holds and exceptions.
 */
@NullMarked
package dev.silkway.tracking.shipment;

import org.jspecify.annotations.NullMarked;
