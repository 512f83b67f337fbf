package dev.silkway.ingestion.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.stream.Stream;

/**
 * The JVM's name resolver in the ingestion application (JEP 418, {@code META-INF/services}): the built-in one,
 * with the look-ups of declared feeds' hosts checked by {@link GuardedHosts}. The JDK loads it with the context
 * class loader of the first look-up, which {@link #install()} makes happen in {@code main}, before anything else
 * resolves a name; {@link #installed()} says whether it took (feeds refuse host names when it did not).
 */
public final class GuardedResolverProvider extends InetAddressResolverProvider {

    private static volatile boolean installed;

    @Override
    public InetAddressResolver get(Configuration configuration) {
        installed = true;
        return guarding(configuration.builtinResolver());
    }

    static InetAddressResolver guarding(InetAddressResolver builtin) {
        return new Guarded(builtin);
    }

    @Override
    public String name() {
        return "silkway-feed-guard";
    }

    /** Makes the JDK load its resolver now, from the calling thread's context class loader. */
    public static void install() {
        try {
            InetAddress.getByName("localhost");
        } catch (UnknownHostException e) {
            // The resolver is loaded by the attempt whatever its answer.
        }
    }

    /** Whether the JDK resolves names through this provider (it tries to load it first if nothing has yet). */
    static boolean installed() {
        if (!installed) {
            install();
        }
        return installed;
    }

    private record Guarded(InetAddressResolver builtin) implements InetAddressResolver {

        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
            return GuardedHosts.checked(host, builtin.lookupByName(host, policy).toList()).stream();
        }

        @Override
        public String lookupByAddress(byte[] address) throws UnknownHostException {
            return builtin.lookupByAddress(address);
        }
    }
}
