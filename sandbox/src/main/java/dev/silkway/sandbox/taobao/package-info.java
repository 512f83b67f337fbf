@NullMarked
package dev.silkway.sandbox.taobao;

import org.jspecify.annotations.NullMarked;
