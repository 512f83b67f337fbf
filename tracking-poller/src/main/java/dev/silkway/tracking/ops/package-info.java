/**
 * What operators watch ({@code /api/v1/ops/**}, OPERATOR or ADMIN): shipments stuck (no event for a
 * per-status number of days), held at customs, or in exception.
 */
@NullMarked
package dev.silkway.tracking.ops;

import org.jspecify.annotations.NullMarked;
