/** The Yandex Cloud Translate API v2 simulator: key and folder checks, limits, faults, a commerce dictionary. */
@NullMarked
package dev.silkway.sandbox.translate;

import org.jspecify.annotations.NullMarked;
