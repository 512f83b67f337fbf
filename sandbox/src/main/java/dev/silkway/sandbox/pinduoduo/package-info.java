@NullMarked
package dev.silkway.sandbox.pinduoduo;

import org.jspecify.annotations.NullMarked;
