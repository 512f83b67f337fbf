/**
 * Parcels' journeys from a China warehouse to the shopper's door, shared by the purchasing partner
 * (which hands parcels over and names their track numbers) and the carriers' simulators (which tell
 * each journey in their own codes).
 */
@NullMarked
package dev.silkway.sandbox.journey;

import org.jspecify.annotations.NullMarked;
