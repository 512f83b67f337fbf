/** 17TRACK API v2.2 as the sandbox simulates it: register, gettrackinfo and TRACKING_UPDATED webhooks. */
@NullMarked
package dev.silkway.sandbox.track17;

import org.jspecify.annotations.NullMarked;
