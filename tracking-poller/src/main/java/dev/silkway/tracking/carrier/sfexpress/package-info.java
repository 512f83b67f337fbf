/** SF Express (Fengqiao) routes: EXP_RECE_SEARCH_ROUTES with msgDigest. */
@NullMarked
package dev.silkway.tracking.carrier.sfexpress;

import org.jspecify.annotations.NullMarked;
