package dev.silkway.ingestion.egress;

import java.util.Locale;

/**
 * A {@code host:port} pair as an allow-list or the stack's configuration spells it ({@code [::1]:8080} for IPv6);
 * the host lower-cased, without brackets or a final dot.
 */
record HostPort(String host, int port) {

    static HostPort parse(String text) {
        String value = text.strip();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not host:port");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no port number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + text + "' has a port outside 1..65535");
        }
        return new HostPort(host(value.substring(0, colon)), port);
    }

    /** A host name or literal as a URI gives it, normalised for comparison. */
    static String host(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
