package dev.silkway.sandbox.nowpayments;

import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.catalogue.PublicAddress;
import dev.silkway.sandbox.catalogue.SandboxJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The NOWPayments API under {@code /nowpayments/v1}: {@code POST /auth} (email and password → JWT),
 * {@code POST /invoice} and {@code GET /payment/{id}} with {@code x-api-key}, {@code GET /payment/} (the list, also
 * {@code Authorization: Bearer <JWT>}); the rate limit and the configured faults; NOWPayments' error shape.
 */
@RestController
@EnableConfigurationProperties(NowPaymentsSandboxProperties.class)
class NowPaymentsSandbox {

    static final String SERVICE = "nowpayments";
    private static final int FAULT_STREAM = 120;

    private final NowPaymentsSandboxProperties properties;
    private final NowPaymentsAccount account;
    private final NowPaymentsTokens tokens;
    private final Gate gate;
    private final PublicAddress address;

    NowPaymentsSandbox(
            NowPaymentsSandboxProperties properties,
            NowPaymentsAccount account,
            NowPaymentsTokens tokens,
            Gate gate,
            PublicAddress address) {
        this.properties = properties;
        this.account = account;
        this.tokens = tokens;
        this.gate = gate;
        this.address = address;
    }

    @PostMapping("/nowpayments/v1/auth")
    ResponseEntity<String> auth(@RequestBody(required = false) @Nullable String body) {
        return admitted(() -> {
            JsonNode request = parse(body);
            if (request == null) {
                return NowPaymentsErrors.invalid("Request body is not valid JSON");
            }
            if (!properties.email().equals(request.path("email").asString(""))
                    || !properties.password().equals(request.path("password").asString(""))) {
                return NowPaymentsErrors.badCredentials();
            }
            return SandboxJson.ok(SandboxJson.object().put("token", tokens.issue()));
        });
    }

    @PostMapping("/nowpayments/v1/invoice")
    ResponseEntity<String> invoice(
            @RequestHeader(name = "x-api-key", required = false) @Nullable String apiKey,
            @RequestBody(required = false) @Nullable String body) {
        return keyed(apiKey, () -> {
            JsonNode request = parse(body);
            if (request == null) {
                return NowPaymentsErrors.invalid("Request body is not valid JSON");
            }
            JsonNode amount = request.path("price_amount");
            if (!amount.isNumber() || amount.decimalValue().signum() <= 0) {
                return NowPaymentsErrors.invalid("\"price_amount\" must be a positive number");
            }
            String currency = request.path("price_currency").asString("").toLowerCase();
            if (!account.prices(currency)) {
                return NowPaymentsErrors.invalid("\"price_currency\" must be one of "
                        + properties.pricePerCoin().keySet());
            }
            BigDecimal price = amount.decimalValue();
            if (price.scale() > 8) {
                return NowPaymentsErrors.invalid("\"price_amount\" has more than 8 decimals");
            }
            NowInvoice invoice = account.create(
                    price,
                    currency,
                    text(request, "order_id"),
                    text(request, "order_description"),
                    text(request, "ipn_callback_url"),
                    text(request, "success_url"),
                    text(request, "cancel_url"),
                    address.base());
            return SandboxJson.ok(invoice.json());
        });
    }

    @GetMapping("/nowpayments/v1/payment/{id}")
    ResponseEntity<String> payment(
            @RequestHeader(name = "x-api-key", required = false) @Nullable String apiKey, @PathVariable String id) {
        return keyed(apiKey, () -> {
            NowPayment payment = id.matches("\\d{1,18}") ? account.payment(Long.parseLong(id)) : null;
            return payment == null ? NowPaymentsErrors.notFound("Payment") : SandboxJson.ok(payment.json());
        });
    }

    @GetMapping("/nowpayments/v1/payment/")
    ResponseEntity<String> payments(
            @RequestHeader(name = "x-api-key", required = false) @Nullable String apiKey,
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "created_at") String sortBy,
            @RequestParam(defaultValue = "asc") String orderBy,
            @RequestParam(required = false) @Nullable String dateFrom,
            @RequestParam(required = false) @Nullable String dateTo,
            @RequestParam(required = false) @Nullable String invoiceId) {
        return keyed(apiKey, () -> {
            switch (tokens.check(authorization)) {
                case MISSING -> {
                    return NowPaymentsErrors.authRequired();
                }
                case EXPIRED -> {
                    return NowPaymentsErrors.tokenExpired();
                }
                case VALID -> {}
            }
            if (limit < 1 || limit > 500 || page < 0) {
                return NowPaymentsErrors.invalid("\"limit\" must be 1..500 and \"page\" at least 0");
            }
            if (!sortBy.equals("created_at") || !List.of("asc", "desc").contains(orderBy)) {
                return NowPaymentsErrors.invalid("this sandbox sorts by created_at, asc or desc");
            }
            Instant from;
            Instant to;
            try {
                from = dateFrom == null ? Instant.MIN : instant(dateFrom);
                to = dateTo == null ? Instant.MAX : instant(dateTo);
            } catch (DateTimeParseException e) {
                return NowPaymentsErrors.invalid("\"dateFrom\" and \"dateTo\" are dates (2026-12-01) or ISO instants");
            }
            Comparator<NowPayment> order =
                    Comparator.comparing((NowPayment p) -> p.createdAt).thenComparingLong(p -> p.id);
            List<NowPayment> matching = account.payments().stream()
                    .filter(p -> !p.createdAt.isBefore(from) && !p.createdAt.isAfter(to))
                    .filter(p -> invoiceId == null || p.invoice.id().equals(invoiceId))
                    .sorted(orderBy.equals("asc") ? order : order.reversed())
                    .toList();
            ArrayNode data = SandboxJson.array();
            matching.stream().skip((long) page * limit).limit(limit).forEach(p -> data.add(p.json()));
            var answer = SandboxJson.object()
                    .put("limit", limit)
                    .put("page", page)
                    .put("pagesCount", (matching.size() + limit - 1) / limit)
                    .put("total", matching.size());
            answer.set("data", data);
            return SandboxJson.ok(answer);
        });
    }

    private ResponseEntity<String> keyed(@Nullable String apiKey, Supplier<ResponseEntity<String>> action) {
        if (!properties.apiKey().equals(apiKey)) {
            return NowPaymentsErrors.invalidApiKey();
        }
        return admitted(action);
    }

    private ResponseEntity<String> admitted(Supplier<ResponseEntity<String>> action) {
        return switch (gate.admit(SERVICE, FAULT_STREAM, properties.apiKey(), properties.requestsPerSecond())) {
            case RATE_LIMITED -> NowPaymentsErrors.tooManyRequests();
            case SERVER_ERROR -> NowPaymentsErrors.internal();
            case PASS -> action.get();
        };
    }

    /** A date is its day's start (dateFrom) — the day's end is not implied; an instant is taken as it is. */
    private static Instant instant(String text) {
        return text.length() == 10
                ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                : Instant.parse(text);
    }

    private static @Nullable JsonNode parse(@Nullable String body) {
        try {
            JsonNode node = SandboxJson.MAPPER.readTree(body == null ? "" : body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static @Nullable String text(JsonNode request, String field) {
        JsonNode value = request.path(field);
        return value.isString() ? value.asString() : null;
    }
}
