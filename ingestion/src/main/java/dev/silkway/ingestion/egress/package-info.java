/**
 * Where a declared feed may connect: its host resolved and refused when any address is not public (loopback,
 * private, link-local, CGNAT, multicast, reserved... in any spelling), unless its {@code host:port} is on
 * {@code silkway.feeds.allowed-hosts}; the stack's own services never. The JVM's name resolver is replaced
 * ({@link dev.silkway.ingestion.egress.GuardedResolverProvider}) so that the very lookup a connection makes is
 * checked too: a feed host cannot be re-bound to an inside address between the check and the connection.
 */
@NullMarked
package dev.silkway.ingestion.egress;

import org.jspecify.annotations.NullMarked;
