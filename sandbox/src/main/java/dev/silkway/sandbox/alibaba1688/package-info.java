@NullMarked
package dev.silkway.sandbox.alibaba1688;

import org.jspecify.annotations.NullMarked;
