/**
 * The poller: per carrier API a clustered Quartz trigger fires a Camel route that claims due legs
 * ({@code FOR UPDATE SKIP LOCKED}, in the API's batch size, under a lease), reserves calls in the
 * API's rate limit shared through PostgreSQL ({@link dev.silkway.tracking.poll.CallSlots}), calls the
 * carrier and records the answer; each leg's next poll follows an adaptive schedule.
 */
@NullMarked
package dev.silkway.tracking.poll;

import org.jspecify.annotations.NullMarked;
