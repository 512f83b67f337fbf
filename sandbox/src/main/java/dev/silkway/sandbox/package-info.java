@NullMarked
package dev.silkway.sandbox;

import org.jspecify.annotations.NullMarked;
