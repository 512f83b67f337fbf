/** Pacing of outside calls: a blocking token-bucket rate limiter, and the clock and sleeper it (and tests) use. */
@NullMarked
package dev.silkway.platform.pacing;

import org.jspecify.annotations.NullMarked;
