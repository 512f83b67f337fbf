@NullMarked
package dev.silkway.sandbox.catalogue;

import org.jspecify.annotations.NullMarked;
