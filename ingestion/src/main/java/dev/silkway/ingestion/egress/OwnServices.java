package dev.silkway.ingestion.egress;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The stack's own services, read from this application's configuration: the PostgreSQL servers of
 * {@code spring.datasource.url}, the Kafka brokers, the Elasticsearch nodes, the storefront of
 * {@code silkway.security.jwks-uri}, this application's (and its management) port and the applications' ports on
 * this machine. A feed may never reach one of them.
 */
final class OwnServices {

    /** {@code host} null: any address of this machine. */
    private record Endpoint(@Nullable String host, int port) {}

    private final Environment environment;
    private final List<Integer> applicationPorts;

    OwnServices(Environment environment, List<Integer> applicationPorts) {
        this.environment = environment;
        this.applicationPorts = applicationPorts;
    }

    /** Whether {@code host:port}, resolved to {@code addresses}, is one of the stack's own services. */
    boolean contains(String host, int port, List<InetAddress> addresses) {
        for (Endpoint own : endpoints()) {
            if (own.port() != port) {
                continue;
            }
            if (own.host() == null || isThisMachine(own.host())) {
                if (addresses.stream().anyMatch(OwnServices::onThisMachine)) {
                    return true;
                }
            }
            if (own.host() != null && (own.host().equals(host) || overlaps(own.host(), addresses))) {
                return true;
            }
        }
        return false;
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        String jdbc = environment.getProperty("spring.datasource.url", "");
        int slashes = jdbc.indexOf("//");
        if (slashes >= 0) {
            String hosts = jdbc.substring(slashes + 2).split("[/?]", 2)[0];
            for (String h : hosts.split(",")) {
                endpoints.add(endpoint(h, 5432));
            }
        }
        for (String broker : list("spring.kafka.bootstrap-servers")) {
            endpoints.add(endpoint(broker, 9092));
        }
        for (String uri : list("spring.elasticsearch.uris")) {
            endpoints.add(uri(uri));
        }
        String jwks = environment.getProperty("silkway.security.jwks-uri");
        if (jwks != null && !jwks.isBlank()) {
            endpoints.add(uri(jwks));
        }
        for (String port :
                List.of("server.port", "local.server.port", "management.server.port", "local.management.port")) {
            Integer value = environment.getProperty(port, Integer.class);
            if (value != null && value > 0) {
                endpoints.add(new Endpoint(null, value));
            }
        }
        applicationPorts.forEach(p -> endpoints.add(new Endpoint(null, p)));
        return endpoints;
    }

    private List<String> list(String property) {
        return Binder.get(environment).bind(property, Bindable.listOf(String.class)).orElse(List.of()).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .filter(v -> !v.isBlank())
                .toList();
    }

    private static Endpoint endpoint(String hostPort, int defaultPort) {
        String value = hostPort.strip();
        int colon = value.lastIndexOf(':');
        boolean hasPort = colon > 0 && (value.indexOf(':') == colon || value.startsWith("[")) && !value.endsWith("]");
        return hasPort
                ? new Endpoint(HostPort.host(value.substring(0, colon)), Integer.parseInt(value.substring(colon + 1)))
                : new Endpoint(HostPort.host(value), defaultPort);
    }

    private static Endpoint uri(String text) {
        URI uri = URI.create(text.strip());
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new Endpoint(uri.getHost() == null ? null : HostPort.host(uri.getHost()), port);
    }

    private static boolean isThisMachine(String host) {
        try {
            return Arrays.stream(InetAddress.getAllByName(host)).anyMatch(OwnServices::onThisMachine);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean overlaps(String host, List<InetAddress> addresses) {
        try {
            return Arrays.stream(InetAddress.getAllByName(host)).anyMatch(addresses::contains);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean onThisMachine(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
