/**
 * Bounded calls to outside HTTP services (marketplaces, declared feeds, exchange rates, and every later carrier,
 * payment or translation client): the JDK's {@link java.net.http.HttpClient} with the body capped while it is read,
 * one deadline for the whole answer (headers and body), and redirects refused.
 */
@NullMarked
package dev.silkway.platform.outbound;

import org.jspecify.annotations.NullMarked;
