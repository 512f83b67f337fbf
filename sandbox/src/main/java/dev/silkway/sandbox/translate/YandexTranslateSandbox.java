package dev.silkway.sandbox.translate;

import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.catalogue.SandboxJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /yandex/translate/v2/translate}: Yandex Cloud Translate API v2 ({@code Authorization: Api-Key <key>},
 * {@code {folderId, texts[], sourceLanguageCode, targetLanguageCode, glossaryConfig}} →
 * {@code {translations:[{text, detectedLanguageCode}]}}). It checks the key, then the rate limit and the configured
 * faults, then the folder and the request's limits, and translates with the commerce dictionary and the request's
 * glossary. Sandbox-only: {@code GET|DELETE /yandex/sandbox/usage} reads or resets what it received.
 */
@RestController
@EnableConfigurationProperties(TranslateSandboxProperties.class)
class YandexTranslateSandbox {

    private static final String SERVICE = "yandex-translate";
    private static final int FAULT_STREAM = 100;

    private final TranslateSandboxProperties properties;
    private final CommerceDictionary dictionary;
    private final Gate gate;
    private final TranslatorUsage usage;

    YandexTranslateSandbox(
            TranslateSandboxProperties properties, CommerceDictionary dictionary, Gate gate, TranslatorUsage usage) {
        this.properties = properties;
        this.dictionary = dictionary;
        this.gate = gate;
        this.usage = usage;
    }

    @PostMapping("/yandex/translate/v2/translate")
    ResponseEntity<String> translate(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestBody(required = false) @Nullable String body) {
        usage.called();
        if (!("Api-Key " + properties.apiKey()).equals(authorization)) {
            return YandexErrors.unauthenticated();
        }
        switch (gate.admit(SERVICE, FAULT_STREAM, properties.apiKey(), properties.requestsPerSecond())) {
            case RATE_LIMITED -> {
                return YandexErrors.resourceExhausted();
            }
            case SERVER_ERROR -> {
                return YandexErrors.unavailable();
            }
            case PASS -> {}
        }
        TranslateRequest request;
        try {
            request = SandboxJson.MAPPER.readValue(body == null ? "" : body, TranslateRequest.class);
        } catch (JacksonException e) {
            return YandexErrors.invalidArgument("Request body is not valid JSON");
        }
        usage.received(request.characters());
        ResponseEntity<String> invalid = invalid(request);
        if (invalid != null) {
            return invalid;
        }
        return SandboxJson.ok(translations(request));
    }

    @GetMapping("/yandex/sandbox/usage")
    TranslatorUsage.Snapshot usage() {
        return usage.snapshot();
    }

    @DeleteMapping("/yandex/sandbox/usage")
    ResponseEntity<Void> resetUsage() {
        usage.reset();
        return ResponseEntity.noContent().build();
    }

    private @Nullable ResponseEntity<String> invalid(TranslateRequest request) {
        if (request.folderId() != null && !properties.folderId().equals(request.folderId())) {
            return YandexErrors.permissionDenied(request.folderId());
        }
        if (request.texts() == null || request.texts().isEmpty()) {
            return YandexErrors.invalidArgument("texts: Number of elements must be greater than 0");
        }
        if (request.texts().stream().anyMatch(t -> t == null)) {
            return YandexErrors.invalidArgument("texts: element must not be null");
        }
        if (request.characters() > properties.maxCharactersPerRequest()) {
            return YandexErrors.invalidArgument(
                    "texts: Text length limit exceeded, maximum is " + properties.maxCharactersPerRequest());
        }
        if (request.targetLanguageCode() == null || !CommerceDictionary.supports(request.targetLanguageCode())) {
            return YandexErrors.invalidArgument("unsupported target_language_code: " + request.targetLanguageCode());
        }
        if (request.sourceLanguageCode() != null && !CommerceDictionary.supports(request.sourceLanguageCode())) {
            return YandexErrors.invalidArgument("unsupported source_language_code: " + request.sourceLanguageCode());
        }
        List<TranslateRequest.GlossaryPair> pairs = request.pairs();
        if (pairs.size() > properties.maxGlossaryPairs()) {
            return YandexErrors.invalidArgument(
                    "glossary_config: Number of glossary pairs must be at most " + properties.maxGlossaryPairs());
        }
        if (pairs.stream().anyMatch(p -> p.sourceText() == null || p.translatedText() == null)) {
            return YandexErrors.invalidArgument("glossary_pairs: source_text and translated_text are required");
        }
        if (!pairs.isEmpty() && request.sourceLanguageCode() == null) {
            return YandexErrors.invalidArgument("glossary_config: source_language_code is required with a glossary");
        }
        return null;
    }

    private ObjectNode translations(TranslateRequest request) {
        Map<String, String> glossary = new HashMap<>();
        request.pairs().forEach(p -> glossary.put(p.sourceText(), p.translatedText()));
        String target = request.targetLanguageCode();
        ObjectNode root = SandboxJson.object();
        ArrayNode translations = root.putArray("translations");
        for (String text : request.texts()) {
            String source = request.sourceLanguageCode() != null ? request.sourceLanguageCode() : detect(text);
            String translated = source.equals(target)
                    ? text
                    : new PhraseTranslator(dictionary.table(source, target), glossary).translate(text);
            ObjectNode node = translations.addObject().put("text", translated);
            if (request.sourceLanguageCode() == null) {
                node.put("detectedLanguageCode", source);
            }
        }
        usage.translated(request.texts().size());
        return root;
    }

    /** Chinese if any Han character, Russian if any Cyrillic letter, English otherwise. */
    private static String detect(String text) {
        if (text.chars().anyMatch(c -> PhraseTranslator.han((char) c))) {
            return "zh";
        }
        if (text.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
            return "ru";
        }
        return "en";
    }
}
