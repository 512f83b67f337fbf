@NullMarked
package dev.silkway.sandbox.cbr;

import org.jspecify.annotations.NullMarked;
