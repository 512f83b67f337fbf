package dev.silkway.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class TrustedProxyFilterTest {

    private final TrustedProxyFilter filter = new TrustedProxyFilter(
            new WebProperties(List.of(), DataSize.ofKilobytes(64), List.of("10.0.0.0/8", " 192.0.2.7 ")));

    @Test
    void takesTheClientFromXForwardedForWhenTheConnectionComesFromATrustedProxy() throws Exception {
        HttpServletRequest seen = through("10.1.2.3", "203.0.113.9", "https");

        assertThat(ClientAddress.of(seen)).isEqualTo("203.0.113.9");
        assertThat(seen.isSecure()).isTrue();
    }

    @Test
    void ignoresXForwardedForFromAnAddressThatIsNoConfiguredProxy() throws Exception {
        assertThat(ClientAddress.of(through("198.51.100.4", "203.0.113.9", "https")))
                .isEqualTo("198.51.100.4");
    }

    @Test
    void skipsTrustedProxiesFromTheRightAndNeverTakesAnAddressTheClientWroteBeforeAnUntrustedHop() throws Exception {
        assertThat(ClientAddress.of(through("10.1.2.3", "6.6.6.6, 203.0.113.9, 192.0.2.7", null)))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void keepsTheProxysAddressWhenTheHeaderIsNotAnAddress() throws Exception {
        assertThat(ClientAddress.of(through("10.1.2.3", "evil.example", null))).isEqualTo("10.1.2.3");
    }

    @Test
    void trustsNobodyByDefault() throws Exception {
        var none = new TrustedProxyFilter(new WebProperties(List.of(), DataSize.ofKilobytes(64), List.of()));
        var request = request("10.1.2.3", "203.0.113.9", null);
        var seen = new AtomicReference<HttpServletRequest>();

        none.doFilter(request, new MockHttpServletResponse(), (r, s) -> seen.set((HttpServletRequest) r));

        assertThat(ClientAddress.of(seen.get())).isEqualTo("10.1.2.3");
    }

    private HttpServletRequest through(String peer, String forwardedFor, String proto) throws Exception {
        var seen = new AtomicReference<HttpServletRequest>();
        filter.doFilter(
                request(peer, forwardedFor, proto),
                new MockHttpServletResponse(),
                (r, s) -> seen.set((HttpServletRequest) r));
        return seen.get();
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor, String proto) {
        var request = new MockHttpServletRequest("GET", "/api/v1/products");
        request.setRemoteAddr(peer);
        request.addHeader("X-Forwarded-For", forwardedFor);
        if (proto != null) {
            request.addHeader("X-Forwarded-Proto", proto);
        }
        return request;
    }
}
