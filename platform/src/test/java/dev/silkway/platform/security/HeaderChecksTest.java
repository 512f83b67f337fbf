package dev.silkway.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.RequestRejectedException;

class HeaderChecksTest {

    /** Spring Security's own patterns (StrictHttpFirewall, DefaultBearerTokenResolver), which the loops replace. */
    private static final Pattern HEADER_NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void headerNamesAndValuesAreAcceptedAndRefusedAsSpringSecuritysPatternsDo() {
        List<String> samples = new ArrayList<>(List.of(
                "",
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",
                "application/json; charset=UTF-8",
                "tab\there",
                "new\nline",
                "carriage\rreturn",
                "nul\0",
                "del\u007f",
                "c1 control \u0085",
                "Кириллица и 中文",
                "emoji \uD83D\uDE00",
                "lone surrogate \uD83D",
                "unassigned \u0378",
                "unassigned supplementary " + new String(Character.toChars(0x2FFFF)),
                "private use \uE000"));
        Random random = new Random(20261207);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                int codePoint = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> random.nextInt(0x800);
                    case 2 -> random.nextInt(0x10000);
                    default -> random.nextInt(0x110000);
                };
                text.appendCodePoint(codePoint);
            }
            samples.add(text.toString());
        }

        for (String sample : samples) {
            assertThat(HeaderChecks.assignedNotControl(sample, false))
                    .as("name %s", sample.codePoints().boxed().toList())
                    .isEqualTo(HEADER_NAME.matcher(sample).matches());
            assertThat(HeaderChecks.assignedNotControl(sample, true))
                    .as("value %s", sample.codePoints().boxed().toList())
                    .isEqualTo(HEADER_VALUE.matcher(sample).matches());
        }
    }

    @Test
    void theFirewallRefusesARequestReadingAHeaderWithAControlCharacter() {
        var request = new MockHttpServletRequest("GET", "/api/v1/cart");
        request.addHeader("X-Fine", "Кириллица\tand tab");
        request.addHeader("X-Bad", "bell\u0007");
        var firewalled = HeaderChecks.firewall().getFirewalledRequest(request);

        assertThat(firewalled.getHeader("X-Fine")).isEqualTo("Кириллица\tand tab");
        assertThatThrownBy(() -> firewalled.getHeader("X-Bad")).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void bearerTokensAreResolvedAsSpringSecuritysDefaultResolvesThem() {
        BearerTokenResolver ours = HeaderChecks.bearerTokens();
        BearerTokenResolver spring = new DefaultBearerTokenResolver();
        List<String> headers = List.of(
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",
                "bearer abc-._~+/xyz==",
                "BEARER abc",
                "Bearer a=",
                "Bearer =",
                "Bearer ",
                "Bearer",
                "Bearerabc",
                "Bearer  abc",
                "Bearer abc def",
                "Bearer abc=def",
                "Bearer абв",
                "Basic dXNlcjpwYXNz",
                "Bear abc",
                "");
        for (String header : headers) {
            var request = new MockHttpServletRequest("GET", "/api/v1/me");
            request.addHeader("Authorization", header);
            assertThat(outcome(ours, request)).as(header).isEqualTo(outcome(spring, request));
        }
        var none = new MockHttpServletRequest("GET", "/api/v1/me");
        assertThat(ours.resolve(none)).isNull();
    }

    private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }
}
