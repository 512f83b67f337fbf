package dev.silkway.ingestion.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hosts of declared feeds that passed the check, as the JVM-wide resolver sees them. A fresh look-up of such a
 * host that answers a non-public address is refused unless the host is allow-listed: the address a connection
 * uses is the one that was checked, whatever its DNS answers between the check and the connection. Static because
 * the resolver is one per JVM; every other host resolves as before.
 */
final class GuardedHosts {

    private static final Map<String, Boolean> PRIVATE_ALLOWED = new ConcurrentHashMap<>();

    private GuardedHosts() {}

    /** From now on every look-up of {@code host} is checked; {@code privateAllowed} for allow-listed hosts. */
    static void guard(String host, boolean privateAllowed) {
        PRIVATE_ALLOWED.merge(HostPort.host(host), privateAllowed, Boolean::logicalOr);
    }

    static boolean guarded(String host) {
        return PRIVATE_ALLOWED.containsKey(HostPort.host(host));
    }

    /** The resolved addresses of {@code host}, or refused when it is guarded and one is not public. */
    static List<InetAddress> checked(String host, List<InetAddress> resolved) throws UnknownHostException {
        Boolean privateAllowed = PRIVATE_ALLOWED.get(HostPort.host(host));
        if (privateAllowed == null || privateAllowed) {
            return resolved;
        }
        for (InetAddress address : resolved) {
            Optional<String> reason = AddressRanges.nonPublic(address);
            if (reason.isPresent()) {
                throw new UnknownHostException(
                        host + " now resolves to " + reason.get() + ": refused for a declared feed");
            }
        }
        return resolved;
    }
}
