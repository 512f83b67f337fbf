package dev.silkway.ingestion.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GuardedResolverTest {

    /** A DNS server the test controls: its answer for every name is {@link #answer}. */
    final AtomicReference<String> answer = new AtomicReference<>("93.184.215.14");

    final InetAddressResolver resolver = GuardedResolverProvider.guarding(new InetAddressResolver() {
        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
            return Stream.of(InetAddress.getByAddress(
                    host, InetAddress.getByName(answer.get()).getAddress()));
        }

        @Override
        public String lookupByAddress(byte[] address) {
            return "reverse.example";
        }
    });

    final InetAddressResolver.LookupPolicy any =
            InetAddressResolver.LookupPolicy.of(InetAddressResolver.LookupPolicy.IPV4);

    @Test
    void aCheckedFeedHostThatReBindsToAnInsideAddressIsRefusedAtTheConnectionsLookUp() throws Exception {
        String host = "rebinding-feed.example";
        assertThat(resolver.lookupByName(host, any)).hasSize(1);
        GuardedHosts.guard(host, false);

        answer.set("127.0.0.1");
        assertThatThrownBy(() -> resolver.lookupByName(host, any))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("loopback");
        answer.set("169.254.169.254");
        assertThatThrownBy(() -> resolver.lookupByName("REBINDING-FEED.example.", any))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("link-local");
        answer.set("93.184.215.15");
        assertThat(resolver.lookupByName(host, any)).hasSize(1);
    }

    @Test
    void hostsThatNoFeedUsesResolveAsBefore() throws Exception {
        answer.set("10.1.2.3");

        assertThat(resolver.lookupByName("database.internal.example", any))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("10.1.2.3");
    }

    @Test
    void anAllowListedFeedHostMayResolveInside() throws Exception {
        GuardedHosts.guard("sandbox.internal.example", true);
        answer.set("10.1.2.4");

        assertThat(resolver.lookupByName("sandbox.internal.example", any)).hasSize(1);
    }
}
