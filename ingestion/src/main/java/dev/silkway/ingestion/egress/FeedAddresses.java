package dev.silkway.ingestion.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether a declared feed may connect to a URL: checked when the feed is declared ({@link #refusal}) and before
 * every request ({@link #admit}). A URL is refused when its host is spelled ambiguously (a number, octal or hex
 * parts, a zone id), when it is one of the stack's own services, or when any address it resolves to is not public
 * and its {@code host:port} is not on {@code silkway.feeds.allowed-hosts}. An admitted host name is handed to the
 * JVM's resolver ({@link GuardedHosts}), which refuses it from then on if it re-binds to an inside address.
 */
@Component
@EnableConfigurationProperties(FeedEgressProperties.class)
public class FeedAddresses {

    private static final Logger log = LoggerFactory.getLogger(FeedAddresses.class);
    private static final Pattern CANONICAL_IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$");
    private static final Pattern NUMERIC = Pattern.compile("^(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]*))*$");

    private final FeedEgressProperties properties;
    private final OwnServices own;

    FeedAddresses(FeedEgressProperties properties, Environment environment) {
        this.properties = properties;
        this.own = new OwnServices(environment, properties.applicationPorts());
        if (GuardedResolverProvider.installed()) {
            log.info("Declared feeds' host names are resolved through the feed address guard");
        } else {
            log.error("The feed address guard is not the JVM's resolver: declared feeds with a host name are refused"
                    + " (GuardedResolverProvider.install() must run in main before any name is resolved)");
        }
    }

    /** Why a feed may not be declared at {@code url}, or empty when it may. */
    public Optional<String> refusal(URI url) {
        return check(url, false);
    }

    /** Why a feed may not fetch {@code url} now, or empty when it may (its host then guarded by the resolver). */
    public Optional<String> admit(URI url) {
        return check(url, true);
    }

    private Optional<String> check(URI url, boolean guard) {
        if (url.getHost() == null) {
            return Optional.of("the URL has no host name or a host spelled in a form that is refused");
        }
        String host = HostPort.host(url.getHost());
        int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        boolean literal =
                CANONICAL_IPV4.matcher(host).matches() || url.getHost().startsWith("[");
        if (host.contains("%")) {
            return Optional.of("an IPv6 zone id is refused");
        }
        if (!literal && NUMERIC.matcher(host).matches()) {
            return Optional.of(
                    "a numeric host must be an IPv4 address in four decimal parts (no octal, hex or single number)");
        }
        if (guard && !literal && !GuardedResolverProvider.installed()) {
            return Optional.of("host names are refused: the address guard is not installed (see the log)");
        }
        List<InetAddress> addresses;
        try {
            addresses = Arrays.asList(InetAddress.getAllByName(url.getHost()));
        } catch (UnknownHostException e) {
            return Optional.of(host + " does not resolve to a public address");
        }
        if (own.contains(host, port, addresses)) {
            return Optional.of(new HostPort(host, port) + " is one of the stack's own services");
        }
        boolean allowListed = properties.allowed().contains(new HostPort(host, port));
        if (!allowListed) {
            for (InetAddress address : addresses) {
                Optional<String> reason = AddressRanges.nonPublic(address);
                if (reason.isPresent()) {
                    return Optional.of(host + " resolves to " + reason.get() + " (" + address.getHostAddress()
                            + "); only host:port pairs in SILKWAY_FEED_ALLOWED_HOSTS may be non-public");
                }
            }
        }
        if (guard && !literal) {
            GuardedHosts.guard(host, properties.allowsHost(host));
        }
        return Optional.empty();
    }
}
