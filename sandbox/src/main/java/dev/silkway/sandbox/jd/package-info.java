@NullMarked
package dev.silkway.sandbox.jd;

import org.jspecify.annotations.NullMarked;
