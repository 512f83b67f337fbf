/** 17TRACK API v2.2: register, gettrackinfo, and its signed TRACKING_UPDATED webhooks. */
@NullMarked
package dev.silkway.tracking.carrier.track17;

import org.jspecify.annotations.NullMarked;
