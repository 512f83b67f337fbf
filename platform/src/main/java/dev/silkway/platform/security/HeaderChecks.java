package dev.silkway.platform.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's header checks and the access token's resolution as Spring Security's defaults make them, in
 * loops instead of regular expressions: the defaults match every header value a request reads against
 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} and the {@code Authorization} header against
 * {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, a few microseconds each on a JWT, several times a request.
 * The same inputs are accepted and refused ({@code HeaderChecksTest}).
 */
public final class HeaderChecks {

    private HeaderChecks() {}

    /** Spring Security's strict firewall, its header names and values checked by {@link #assignedNotControl}. */
    public static StrictHttpFirewall firewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(name -> assignedNotControl(name, false));
        firewall.setAllowedHeaderValues(value -> assignedNotControl(value, true));
        return firewall;
    }

    /**
     * Whether every code point is assigned and not a control character ({@code \p{IsAssigned}},
     * {@code \p{IsControl}}), a tab allowed where {@code tab}.
     */
    static boolean assignedNotControl(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /**
     * The access token of the {@code Authorization: Bearer} header, as {@code DefaultBearerTokenResolver} finds it
     * (tokens in the query or the form are not accepted): none without such a header, a malformed token refused.
     */
    public static BearerTokenResolver bearerTokens() {
        return request -> {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "bearer", 0, 6)) {
                return null;
            }
            String token = bearerToken(header);
            if (token == null) {
                throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
            }
            return token;
        };
    }

    /** The token of {@code Bearer <token>} where it is made of the b64token characters of RFC 6750, else null. */
    static @Nullable String bearerToken(String header) {
        if (header.length() < 8 || header.charAt(6) != ' ') {
            return null;
        }
        int end = header.length();
        while (end > 7 && header.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 7) {
            return null;
        }
        for (int i = 7; i < end; i++) {
            char c = header.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '+'
                    || c == '/';
            if (!allowed) {
                return null;
            }
        }
        return header.substring(7);
    }
}
