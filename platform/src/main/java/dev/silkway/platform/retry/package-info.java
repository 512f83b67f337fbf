/**
 * The one back-off of every Silkway retry (outside calls, database writes, Elasticsearch bulks): Spring Framework's
 * {@link org.springframework.core.retry.RetryTemplate} with exponential waits and jitter ({@link Backoff}).
 */
@NullMarked
package dev.silkway.platform.retry;

import org.jspecify.annotations.NullMarked;
