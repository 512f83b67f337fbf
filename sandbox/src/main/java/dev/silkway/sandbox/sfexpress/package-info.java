/** SF Express (Fengqiao) EXP_RECE_SEARCH_ROUTES as the sandbox simulates it. */
@NullMarked
package dev.silkway.sandbox.sfexpress;

import org.jspecify.annotations.NullMarked;
