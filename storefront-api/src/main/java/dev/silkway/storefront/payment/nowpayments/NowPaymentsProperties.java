package dev.silkway.storefront.payment.nowpayments;

import dev.silkway.storefront.payment.http.ProviderBounds;
import dev.silkway.storefront.payment.http.ProviderHttp;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.payments.nowpayments.*}: where the API is ({@code https://api.nowpayments.io} in production, the
 * sandbox's {@code /nowpayments} locally), the API key, the account's email and password (the payment list needs
 * the JWT of {@code POST /v1/auth}, which lives 5 minutes: it is reused for {@code token-reuse}), the IPN secret,
 * the URL NOWPayments posts IPNs to (our webhook endpoint), and the bounds of every call ({@link ProviderBounds};
 * NOWPayments lists at most 500 a page).
 */
@ConfigurationProperties("silkway.payments.nowpayments")
record NowPaymentsProperties(
        URI baseUrl,
        String apiKey,
        String email,
        String password,
        String ipnSecret,
        URI ipnCallbackUrl,
        @DefaultValue("4m") Duration tokenReuse,
        @DefaultValue ProviderBounds bounds) {

    NowPaymentsProperties {
        for (String value : new String[] {apiKey, email, password, ipnSecret}) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(
                        "silkway.payments.nowpayments: api-key, email, password and ipn-secret must be set");
            }
        }
        if (baseUrl == null || ipnCallbackUrl == null) {
            throw new IllegalArgumentException(
                    "silkway.payments.nowpayments: base-url and ipn-callback-url must be set");
        }
        if (bounds.pageSize() > 500) {
            throw new IllegalArgumentException("silkway.payments.nowpayments.bounds.page-size must be at most 500");
        }
        if (tokenReuse.isNegative() || tokenReuse.compareTo(Duration.ofMinutes(5)) >= 0) {
            throw new IllegalArgumentException("silkway.payments.nowpayments.token-reuse must be under 5 minutes");
        }
    }

    /** {@code <base-url>/v1/<path>}. */
    URI uri(String pathAndQuery) {
        return ProviderHttp.under(baseUrl, "v1/" + pathAndQuery);
    }
}
