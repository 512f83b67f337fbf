/** A generic JSON catalogue API: what an operator's declarative feed is tested against. */
@NullMarked
package dev.silkway.sandbox.generic;

import org.jspecify.annotations.NullMarked;
