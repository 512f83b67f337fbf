package dev.silkway.sandbox.nowpayments;

import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.webhook.WebhookRates;
import dev.silkway.sandbox.webhook.WebhookSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Instant payment notifications: the payment's JSON POSTed to the invoice's {@code ipn_callback_url} with
 * {@code x-nowpayments-sig} = lowercase hex HMAC-SHA512(IPN secret, the same JSON with its keys sorted recursively,
 * compact, as JavaScript's {@code JSON.stringify} writes it). The sandbox's amounts are decimals of at most 15
 * digits, which JavaScript writes as their plain digits without trailing zeros; the body itself is sent as it is,
 * unsorted and with its trailing zeros.
 */
@Component
class NowPaymentsIpn {

    private static final JsonMapper PLAIN = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final NowPaymentsSandboxProperties properties;
    private final WebhookSender sender;
    private final WebhookRates rates;

    NowPaymentsIpn(NowPaymentsSandboxProperties properties, WebhookSender sender, WebhookRates rates) {
        this.properties = properties;
        this.sender = sender;
        this.rates = rates;
    }

    void notify(NowPayment payment) {
        String url = payment.invoice.ipnCallbackUrl();
        if (url == null || url.isBlank()) {
            return;
        }
        ObjectNode body = payment.json();
        String text = PLAIN.writeValueAsString(body);
        String signature = sign(properties.ipnSecret(), PLAIN.writeValueAsString(sorted(body)));
        sender.send(
                new WebhookSender.Delivery(
                        "nowpayments",
                        URI.create(url),
                        () -> Map.of("x-nowpayments-sig", signature),
                        text.getBytes(StandardCharsets.UTF_8)),
                rates.policy());
    }

    static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys sorted at every level, decimals without trailing zeros (JavaScript reads 777.00 as 777). */
    private static JsonNode sorted(JsonNode node) {
        if (node.isBigDecimal()) {
            return SandboxJson.MAPPER
                    .getNodeFactory()
                    .numberNode(node.decimalValue().stripTrailingZeros());
        }
        if (!node.isObject()) {
            return node;
        }
        Map<String, JsonNode> fields = new TreeMap<>();
        node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
        ObjectNode copy = SandboxJson.object();
        fields.forEach(copy::set);
        return copy;
    }
}
