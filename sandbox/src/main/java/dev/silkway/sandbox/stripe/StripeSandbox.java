package dev.silkway.sandbox.stripe;

import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.catalogue.PublicAddress;
import dev.silkway.sandbox.catalogue.SandboxJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Stripe REST API under {@code /stripe/v1}: form-encoded parameters with Stripe's bracket keys,
 * {@code Authorization: Bearer sk_...}, {@code Idempotency-Key} replayed, the rate limit and the configured faults
 * (429 {@code rate_limit}, 500 {@code api_error} with {@code Stripe-Should-Retry}), Stripe's error shape.
 */
@RestController
@EnableConfigurationProperties(StripeSandboxProperties.class)
class StripeSandbox {

    static final String SERVICE = "stripe";
    private static final int FAULT_STREAM = 110;

    private final StripeSandboxProperties properties;
    private final StripeAccount account;
    private final StripeEvents events;
    private final StripeIdempotency idempotency;
    private final Gate gate;
    private final PublicAddress address;

    StripeSandbox(
            StripeSandboxProperties properties,
            StripeAccount account,
            StripeEvents events,
            StripeIdempotency idempotency,
            Gate gate,
            PublicAddress address) {
        this.properties = properties;
        this.account = account;
        this.events = events;
        this.idempotency = idempotency;
        this.gate = gate;
        this.address = address;
    }

    @PostMapping("/stripe/v1/checkout/sessions")
    ResponseEntity<String> createSession(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestParam MultiValueMap<String, String> params) {
        return call(authorization, key, "checkout/sessions", params, () -> {
            StripeSession session = account.create(newSession(params), address.base());
            return SandboxJson.ok(session.json());
        });
    }

    @GetMapping("/stripe/v1/checkout/sessions/{id}")
    ResponseEntity<String> session(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @PathVariable String id) {
        return read(authorization, () -> SandboxJson.ok(account.session(id).json()));
    }

    @PostMapping("/stripe/v1/checkout/sessions/{id}/expire")
    ResponseEntity<String> expire(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @PathVariable String id) {
        return call(
                authorization,
                key,
                "expire " + id,
                Map.of(),
                () -> SandboxJson.ok(account.expire(id).json()));
    }

    @GetMapping("/stripe/v1/payment_intents/{id}")
    ResponseEntity<String> intent(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @PathVariable String id) {
        return read(authorization, () -> SandboxJson.ok(account.intent(id).json()));
    }

    @GetMapping("/stripe/v1/payment_intents")
    ResponseEntity<String> intents(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestParam MultiValueMap<String, String> params) {
        return read(
                authorization,
                () -> SandboxJson.ok(
                        StripeLists.page("/v1/payment_intents", account.intents(StripeLists.created(params)), params)));
    }

    @PostMapping("/stripe/v1/refunds")
    ResponseEntity<String> refund(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestParam MultiValueMap<String, String> params) {
        return call(authorization, key, "refunds", params, () -> {
            String intent = params.getFirst("payment_intent");
            if (intent == null || intent.isBlank()) {
                return StripeErrors.missing("payment_intent");
            }
            String reason = params.getFirst("reason");
            if (reason != null
                    && !List.of("duplicate", "fraudulent", "requested_by_customer")
                            .contains(reason)) {
                return StripeErrors.invalidRequest(
                        null,
                        "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer",
                        "reason");
            }
            Long amount = null;
            if (params.getFirst("amount") != null) {
                amount = StripeForms.integer(params, "amount");
            }
            return SandboxJson.ok(account.refund(intent, amount, reason, StripeForms.hash(params, "metadata"))
                    .json());
        });
    }

    @GetMapping("/stripe/v1/refunds/{id}")
    ResponseEntity<String> refund(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @PathVariable String id) {
        return read(authorization, () -> SandboxJson.ok(account.refund(id).json()));
    }

    @PostMapping("/stripe/v1/webhook_endpoints")
    ResponseEntity<String> addEndpoint(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestParam MultiValueMap<String, String> params) {
        return read(authorization, () -> {
            String url = params.getFirst("url");
            if (url == null || url.isBlank()) {
                return StripeErrors.missing("url");
            }
            List<String> types = new ArrayList<>();
            params.forEach((name, values) -> {
                if (name.startsWith("enabled_events[")) {
                    types.addAll(values);
                }
            });
            return SandboxJson.ok(events.add(URI.create(url), types).json(true));
        });
    }

    @DeleteMapping("/stripe/v1/webhook_endpoints/{id}")
    ResponseEntity<String> removeEndpoint(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @PathVariable String id) {
        return read(authorization, () -> {
            if (!events.remove(id)) {
                return StripeErrors.noSuch("webhook_endpoint", id, "id");
            }
            return SandboxJson.ok(SandboxJson.object()
                    .put("id", id)
                    .put("object", "webhook_endpoint")
                    .put("deleted", true));
        });
    }

    /** A request that changes nothing (no idempotency key to honour). */
    private ResponseEntity<String> read(@Nullable String authorization, Supplier<ResponseEntity<String>> action) {
        return call(authorization, null, "", Map.of(), action);
    }

    /** Authentication, then the rate limit and faults, then the idempotent execution of {@code action}. */
    private ResponseEntity<String> call(
            @Nullable String authorization,
            @Nullable String key,
            String endpoint,
            Map<String, List<String>> params,
            Supplier<ResponseEntity<String>> action) {
        String presented = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring(7).strip()
                : null;
        if (!properties.secretKey().equals(presented)) {
            return StripeErrors.unauthorized(presented);
        }
        switch (gate.admit(SERVICE, FAULT_STREAM, properties.secretKey(), properties.requestsPerSecond())) {
            case RATE_LIMITED -> {
                return StripeErrors.rateLimited();
            }
            case SERVER_ERROR -> {
                return StripeErrors.apiError();
            }
            case PASS -> {}
        }
        return idempotency.run(key, endpoint + " " + new TreeMap<>(params), () -> {
            try {
                return action.get();
            } catch (StripeRefused refused) {
                return refused.answer();
            }
        });
    }

    private StripeAccount.NewSession newSession(MultiValueMap<String, String> params) {
        String mode = params.getFirst("mode");
        if (mode == null) {
            throw StripeRefused.with(StripeErrors.missing("mode"));
        }
        if (!mode.equals("payment")) {
            throw StripeRefused.with(StripeErrors.invalidRequest(
                    null, "This simulator supports mode=payment only, not " + mode, "mode"));
        }
        String successUrl = StripeForms.required(params, "success_url");
        String prefix = "line_items[0]";
        String currency =
                StripeForms.required(params, prefix + "[price_data][currency]").toLowerCase();
        long unit = StripeForms.integer(params, prefix + "[price_data][unit_amount]");
        String quantityText = params.getFirst(prefix + "[quantity]");
        long quantity = quantityText == null ? 1 : StripeForms.integer(params, prefix + "[quantity]");
        if (unit < 0 || quantity < 1) {
            throw StripeRefused.with(StripeErrors.invalidRequest(
                    "parameter_invalid_integer", "Invalid non-negative integer", prefix + "[price_data][unit_amount]"));
        }
        if (params.getFirst("line_items[1][price_data][unit_amount]") != null) {
            throw StripeRefused.with(
                    StripeErrors.invalidRequest(null, "This simulator takes one line item per session", "line_items"));
        }
        String expires = params.getFirst("expires_at");
        Map<String, String> metadata = new LinkedHashMap<>(StripeForms.hash(params, "metadata"));
        return new StripeAccount.NewSession(
                StripeForms.required(params, prefix + "[price_data][product_data][name]"),
                Math.multiplyExact(unit, quantity),
                currency,
                successUrl,
                params.getFirst("cancel_url"),
                params.getFirst("client_reference_id"),
                metadata,
                StripeForms.hash(params, "payment_intent_data[metadata]"),
                params.getFirst("payment_intent_data[description]"),
                expires == null ? null : StripeForms.integer(params, "expires_at"));
    }

    static ObjectNode list(String url, ArrayNode data, boolean hasMore) {
        ObjectNode node =
                SandboxJson.object().put("object", "list").put("url", url).put("has_more", hasMore);
        node.set("data", data);
        return node;
    }
}
