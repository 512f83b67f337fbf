package dev.silkway.platform.translation;

import dev.silkway.platform.outbound.Answer;
import dev.silkway.platform.outbound.OutboundFailed;
import dev.silkway.platform.outbound.OutboundHttp;
import dev.silkway.platform.pacing.RateLimiter;
import dev.silkway.platform.retry.Retry;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Yandex Cloud Translate API v2: {@code POST /translate/v2/translate} with {@code Authorization: Api-Key <key>},
 * {@code {folderId, texts[], sourceLanguageCode, targetLanguageCode, glossaryConfig}} →
 * {@code {translations:[{text, detectedLanguageCode}]}}; errors are {@code {code, message, details}} with gRPC codes.
 * One call is one request of at most {@code max-characters-per-request} characters (the caller batches), paced by
 * the rate limiter; every attempt is a bounded {@link OutboundHttp} call (the properties' answer limits, redirects
 * refused), retried by the platform's {@link Retry} on 429, 5xx, timeouts and broken connections.
 */
class YandexTranslateClient {

    /** A glossary pair for one direction. */
    record Pair(String sourceText, String translatedText) {}

    private final TranslationProperties properties;
    private final OutboundHttp http;
    private final RateLimiter limiter;
    private final Retry retry;
    private final ObjectMapper json;

    YandexTranslateClient(
            TranslationProperties properties, OutboundHttp http, RateLimiter limiter, Retry retry, ObjectMapper json) {
        this.properties = properties;
        this.http = http;
        this.limiter = limiter;
        this.retry = retry;
        this.json = json;
    }

    /** The retry of translation calls: what {@link TranslationFailed#retryable()} says, per the properties. */
    static Retry retry(TranslationProperties properties) {
        return Retry.of(
                "translation " + properties.provider(),
                properties.retry().backoff(),
                failure -> failure instanceof TranslationFailed failed && failed.retryable());
    }

    List<String> translate(List<String> texts, Language source, Language target, List<Pair> glossary) {
        long characters = texts.stream().mapToLong(String::length).sum();
        if (texts.isEmpty() || characters > properties.maxCharactersPerRequest()) {
            throw new IllegalArgumentException("a request holds 1 or more texts of at most "
                    + properties.maxCharactersPerRequest() + " characters in all, not " + characters);
        }
        String body = json.writeValueAsString(request(texts, source, target, glossary));
        return retry.call(() -> {
            limiter.acquire();
            return decode(
                    send(HttpRequest.newBuilder(properties.translateUri())
                            .header("Authorization", "Api-Key " + properties.apiKey())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))),
                    texts.size());
        });
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            return http.send(request, properties.answerLimits());
        } catch (OutboundFailed e) {
            throw TranslationFailed.outbound(properties.provider(), e);
        } catch (CancellationException e) {
            throw TranslationFailed.interrupted(properties.provider(), e);
        }
    }

    private ObjectNode request(List<String> texts, Language source, Language target, List<Pair> glossary) {
        ObjectNode root = json.createObjectNode()
                .put("folderId", properties.folderId())
                .put("sourceLanguageCode", source.code())
                .put("targetLanguageCode", target.code())
                .put("format", "PLAIN_TEXT");
        ArrayNode array = root.putArray("texts");
        texts.forEach(array::add);
        if (!glossary.isEmpty()) {
            ArrayNode pairs =
                    root.putObject("glossaryConfig").putObject("glossaryData").putArray("glossaryPairs");
            glossary.forEach(
                    p -> pairs.addObject().put("sourceText", p.sourceText()).put("translatedText", p.translatedText()));
        }
        return root;
    }

    private List<String> decode(Answer reply, int expected) {
        String provider = properties.provider();
        int status = reply.status();
        if (status == 429) {
            throw TranslationFailed.rateLimited(provider);
        }
        if (status >= 500) {
            throw TranslationFailed.unavailable(provider, status);
        }
        if (status == 401 || status == 403) {
            throw TranslationFailed.credentialsRejected(provider, status, error(reply));
        }
        if (status != 200) {
            throw TranslationFailed.rejected(provider, status, error(reply));
        }
        JsonNode translations = parse(reply).path("translations");
        if (!translations.isArray() || translations.size() != expected) {
            throw TranslationFailed.malformedAnswer(provider, "expected " + expected + " translations");
        }
        List<String> texts = new ArrayList<>(expected);
        for (JsonNode t : translations) {
            if (!t.path("text").isString()) {
                throw TranslationFailed.malformedAnswer(provider, "a translation without text");
            }
            texts.add(t.path("text").asString());
        }
        return texts;
    }

    /** The gRPC code and message of an error answer, never its whole body. */
    private String error(Answer reply) {
        JsonNode error = parse(reply);
        String message = error.path("message").asString("");
        return "code " + error.path("code").asInt(-1) + " " + message.substring(0, Math.min(200, message.length()));
    }

    private JsonNode parse(Answer reply) {
        try {
            return json.readTree(reply.text());
        } catch (JacksonException e) {
            return json.valueToTree(Map.of());
        }
    }
}
