package dev.silkway.platform.translation;

import dev.silkway.platform.pacing.RateLimiter;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.retry.RetryTemplate;
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
 * the rate limiter and retried on 429, 5xx and timeouts.
 */
class YandexTranslateClient {

    /** A glossary pair for one direction. */
    record Pair(String sourceText, String translatedText) {}

    private final TranslationProperties properties;
    private final BoundedHttp http;
    private final RateLimiter limiter;
    private final RetryTemplate retry;
    private final ObjectMapper json;

    YandexTranslateClient(
            TranslationProperties properties,
            BoundedHttp http,
            RateLimiter limiter,
            RetryTemplate retry,
            ObjectMapper json) {
        this.properties = properties;
        this.http = http;
        this.limiter = limiter;
        this.retry = retry;
        this.json = json;
    }

    List<String> translate(List<String> texts, Language source, Language target, List<Pair> glossary) {
        long characters = texts.stream().mapToLong(String::length).sum();
        if (texts.isEmpty() || characters > properties.maxCharactersPerRequest()) {
            throw new IllegalArgumentException("a request holds 1 or more texts of at most "
                    + properties.maxCharactersPerRequest() + " characters in all, not " + characters);
        }
        String body = json.writeValueAsString(request(texts, source, target, glossary));
        return retry.invoke(() -> {
            limiter.acquire();
            return decode(
                    http.exchange(HttpRequest.newBuilder(properties.translateUri())
                            .timeout(properties.deadline())
                            .header("Authorization", "Api-Key " + properties.apiKey())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build()),
                    texts.size());
        });
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

    private List<String> decode(BoundedHttp.Reply reply, int expected) {
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
    private String error(BoundedHttp.Reply reply) {
        JsonNode error = parse(reply);
        String message = error.path("message").asString("");
        return "code " + error.path("code").asInt(-1) + " " + message.substring(0, Math.min(200, message.length()));
    }

    private JsonNode parse(BoundedHttp.Reply reply) {
        try {
            return json.readTree(reply.body());
        } catch (JacksonException e) {
            return json.valueToTree(Map.of());
        }
    }
}
