package dev.silkway.storefront.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The client's address behind a reverse proxy, for the per-address throttles and the audit log: {@code
 * X-Forwarded-For} (and {@code X-Forwarded-Proto}) are read only when the connection comes from one of
 * {@code silkway.web.trusted-proxies} ({@code SILKWAY_TRUSTED_PROXIES}: addresses or CIDR ranges, none by default).
 * The header is walked from the right, skipping the trusted proxies' own entries; the first other address is the
 * client. From anyone else the header is ignored, so a client cannot pick the address its throttles count against.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class TrustedProxyFilter extends OncePerRequestFilter {

    private final List<IpAddressMatcher> proxies;

    TrustedProxyFilter(WebProperties properties) {
        this.proxies = properties.trustedProxies().stream()
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .map(IpAddressMatcher::new)
                .toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return proxies.isEmpty() || !trusted(request.getRemoteAddr());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String forwardedFor = request.getHeader("X-Forwarded-For");
        String client = forwardedFor == null ? null : client(forwardedFor);
        String proto = request.getHeader("X-Forwarded-Proto");
        if (client == null && proto == null) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new Forwarded(request, client, proto), response);
    }

    private String client(String forwardedFor) {
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!isAddress(hop)) {
                return null;
            }
            if (i == 0 || !trusted(hop)) {
                return hop;
            }
        }
        return null;
    }

    private boolean trusted(String address) {
        return isAddress(address) && proxies.stream().anyMatch(p -> p.matches(address));
    }

    /** A literal IPv4 or IPv6 address (never a host name: nothing is resolved). */
    private static boolean isAddress(String value) {
        return !value.isEmpty()
                && value.length() <= 45
                && (value.matches("^[0-9.]+$")
                                && value.chars().filter(c -> c == '.').count() == 3
                        || value.matches("^[0-9A-Fa-f:.]+$") && value.contains(":"));
    }

    private static final class Forwarded extends HttpServletRequestWrapper {

        private final String client;
        private final String proto;

        Forwarded(HttpServletRequest request, String client, String proto) {
            super(request);
            this.client = client;
            this.proto = proto == null ? null : proto.strip().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String getRemoteAddr() {
            return client == null ? super.getRemoteAddr() : client;
        }

        @Override
        public String getRemoteHost() {
            return getRemoteAddr();
        }

        @Override
        public String getScheme() {
            return "https".equals(proto) || "http".equals(proto) ? proto : super.getScheme();
        }

        @Override
        public boolean isSecure() {
            return "https".equals(proto) || (proto == null && super.isSecure());
        }
    }
}
