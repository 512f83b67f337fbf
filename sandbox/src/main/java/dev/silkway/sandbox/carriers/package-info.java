/**
 * What the carriers' simulators share: their settings, their misbehaviour (duplicated, reordered and unknown
 * answers), the events of a track number as a simulator tells them, and the schedule of their push callbacks.
 */
@NullMarked
package dev.silkway.sandbox.carriers;

import org.jspecify.annotations.NullMarked;
