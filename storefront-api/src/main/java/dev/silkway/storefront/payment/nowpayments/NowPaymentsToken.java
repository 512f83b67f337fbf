package dev.silkway.storefront.payment.nowpayments;

import dev.silkway.platform.outbound.Answer;
import dev.silkway.storefront.payment.PaymentProvider;
import dev.silkway.storefront.payment.PaymentProviderRefused;
import dev.silkway.storefront.payment.http.ProviderHttp;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The JWT of {@code POST /v1/auth {email, password}}: fetched when first needed, reused for {@code token-reuse}
 * (NOWPayments lets it live 5 minutes), fetched again once when a call answers 401 with it.
 */
final class NowPaymentsToken {

    /** A 401 answer: the token (or the account) was not accepted. */
    static final class Expired extends RuntimeException {
        private final String code;

        private Expired(String code) {
            super("NOWPayments answered 401 (" + code + ")", null, false, false);
            this.code = code;
        }

        static Expired of(String code) {
            return new Expired(code);
        }

        PaymentProviderRefused refused(String what) {
            return PaymentProviderRefused.of(PaymentProvider.NOWPAYMENTS, code, what);
        }
    }

    private final NowPaymentsProperties properties;
    private final ProviderHttp http;
    private final ObjectMapper json;
    private final Function<Answer, JsonNode> decode;
    private @Nullable String token;
    private Instant fetched = Instant.MIN;

    NowPaymentsToken(
            NowPaymentsProperties properties, ProviderHttp http, ObjectMapper json, Function<Answer, JsonNode> decode) {
        this.properties = properties;
        this.http = http;
        this.json = json;
        this.decode = decode;
    }

    /** Runs {@code call} with a valid token, fetching a fresh one once if the current one is refused. */
    <T> T authorized(Function<String, T> call) {
        try {
            return call.apply(current(false));
        } catch (Expired expired) {
            try {
                return call.apply(current(true));
            } catch (Expired again) {
                throw again.refused("the JWT was refused");
            }
        }
    }

    private synchronized String current(boolean renew) {
        if (!renew && token != null && Instant.now().isBefore(fetched.plus(properties.tokenReuse()))) {
            return token;
        }
        String credentials = json.writeValueAsString(
                json.createObjectNode().put("email", properties.email()).put("password", properties.password()));
        JsonNode answer;
        try {
            answer = http.call(
                    () -> HttpRequest.newBuilder(properties.uri("auth"))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(credentials)),
                    decode);
        } catch (Expired refused) {
            throw refused.refused("the account's email and password were refused");
        }
        String fresh = answer.path("token").asString("");
        if (fresh.isBlank()) {
            throw PaymentProviderRefused.of(PaymentProvider.NOWPAYMENTS, "no_token", "POST /v1/auth gave no token");
        }
        token = fresh;
        fetched = Instant.now();
        return fresh;
    }
}
