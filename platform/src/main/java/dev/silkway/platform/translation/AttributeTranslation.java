package dev.silkway.platform.translation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SKU attributes in Russian: the Chinese values of JSON attribute objects ({@code {"colour": "黑色", "size": "42"}})
 * translated, keys and other values kept. An object with a value the translator could not do is left out.
 */
public final class AttributeTranslation {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

    /** The Russian JSON objects by the caller's key, and why some are missing, if any are. */
    public record Result<K>(Map<K, String> inRussian, Translations.@Nullable Shortfall shortfall) {}

    private AttributeTranslation() {}

    public static <K> Result<K> toRussian(Translator translator, Map<K, String> attributeObjects) {
        Map<K, Map<String, Object>> parsed = new LinkedHashMap<>();
        List<String> values = new ArrayList<>();
        attributeObjects.forEach((key, json) -> {
            Map<String, Object> attributes = JSON.readValue(json, OBJECT);
            parsed.put(key, attributes);
            attributes.values().stream().filter(AttributeTranslation::chinese).forEach(v -> values.add((String) v));
        });
        Translations ru = translator.translate(values, Language.ZH, Language.RU);
        Map<K, String> translated = new HashMap<>();
        parsed.forEach((key, attributes) -> {
            Map<String, Object> inRussian = new LinkedHashMap<>();
            for (Map.Entry<String, Object> a : attributes.entrySet()) {
                Object value = chinese(a.getValue()) ? ru.of((String) a.getValue()) : a.getValue();
                if (value == null) {
                    return;
                }
                inRussian.put(a.getKey(), value);
            }
            translated.put(key, JSON.writeValueAsString(inRussian));
        });
        return new Result<>(translated, ru.shortfall());
    }

    private static boolean chinese(@Nullable Object value) {
        return value instanceof String s && Language.ofSource(s) == Language.ZH;
    }
}
