/**
 * The carriers' tracking APIs, each in its own protocol behind {@link
 * dev.silkway.tracking.carrier.CarrierApi}, and the one status model their codes are mapped onto.
 */
@NullMarked
package dev.silkway.tracking.carrier;

import org.jspecify.annotations.NullMarked;
