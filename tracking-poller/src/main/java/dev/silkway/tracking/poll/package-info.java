/**
 * The poller: per carrier API a clustered Quartz trigger fires a Camel route that claims due legs
 * ({@code FOR UPDATE SKIP LOCKED}, in the API's batch size, under a lease), reserves calls in the
 * API's rate limit shared through PostgreSQL ({@link dev.silkway.tracking.poll.CallSlots}), calls the
 * carrier and records the answer; each leg's next poll follows an adaptive schedule. The ops API (ingestion)
 * reschedules a carrier job or asks for a run through {@link dev.silkway.tracking.poll.JobSettings}; the poller
 * applies both to its own triggers.
 */
@NullMarked
package dev.silkway.tracking.poll;

import org.jspecify.annotations.NullMarked;
