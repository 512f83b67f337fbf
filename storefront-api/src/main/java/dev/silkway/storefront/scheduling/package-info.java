/** The storefront's clustered Quartz jobs: how each feature declares a durable job and its repeating trigger. */
@NullMarked
package dev.silkway.storefront.scheduling;

import org.jspecify.annotations.NullMarked;
