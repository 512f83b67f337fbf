package dev.silkway.ingestion.egress;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.feeds.*}: {@code allowed-hosts} ({@code SILKWAY_FEED_ALLOWED_HOSTS}, comma-separated
 * {@code host:port}) may be private, loopback or otherwise non-public; {@code application-ports} are the four
 * applications' HTTP ports, never reachable on this machine by a feed, whatever the allow-list says.
 */
@ConfigurationProperties("silkway.feeds")
record FeedEgressProperties(
        @DefaultValue List<String> allowedHosts,
        @DefaultValue({"8080", "8081", "8082", "8083"}) List<Integer> applicationPorts) {

    FeedEgressProperties {
        allowedHosts = allowedHosts.stream()
                .filter(h -> !h.isBlank())
                .map(String::strip)
                .toList();
        for (String host : allowedHosts) {
            try {
                HostPort.parse(host);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "silkway.feeds.allowed-hosts (SILKWAY_FEED_ALLOWED_HOSTS): " + e.getMessage());
            }
        }
        applicationPorts = List.copyOf(applicationPorts);
    }

    Set<HostPort> allowed() {
        return allowedHosts.stream().map(HostPort::parse).collect(Collectors.toUnmodifiableSet());
    }

    boolean allowsHost(String host) {
        String normalised = HostPort.host(host);
        return allowed().stream().anyMatch(a -> a.host().equals(normalised));
    }
}
