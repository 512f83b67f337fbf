@NullMarked
package dev.silkway.sandbox.poizon;

import org.jspecify.annotations.NullMarked;
