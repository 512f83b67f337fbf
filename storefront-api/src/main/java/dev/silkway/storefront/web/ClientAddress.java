package dev.silkway.storefront.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's address as the servlet container sees it; behind a reverse proxy listed in
 * {@code SILKWAY_TRUSTED_PROXIES} it is the client's from {@code X-Forwarded-For} ({@link TrustedProxyFilter}).
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null || address.isBlank() ? "0.0.0.0" : address;
    }

    public static String userAgent(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent == null) {
            return null;
        }
        return agent.length() > 512 ? agent.substring(0, 512) : agent;
    }
}
