package dev.silkway.sandbox.translate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The commerce dictionary of {@code translate/commerce-dictionary.tsv} (Chinese, Russian, English): product types,
 * materials, colours, gender and age, seasons, sizes, marketing words and the catalogue's brands. It gives each
 * supported direction (zh→ru, zh→en, en→ru, ru→en...) a phrase table keyed by the source phrase.
 */
@Component
class CommerceDictionary {

    static final String RESOURCE = "/translate/commerce-dictionary.tsv";
    private static final String[] LANGUAGES = {"zh", "ru", "en"};

    private final Map<String, Map<String, String>> tables = new HashMap<>();

    CommerceDictionary() {
        try (InputStream in = CommerceDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean supports(String language) {
        return switch (language) {
            case "zh", "ru", "en" -> true;
            default -> false;
        };
    }

    /** Source phrase (lower-cased unless Chinese) → target phrase, for one direction; empty if unsupported. */
    Map<String, String> table(String source, String target) {
        return tables.getOrDefault(source + ">" + target, Map.of());
    }

    private void add(String[] columns) {
        if (columns.length != 3) {
            throw new IllegalStateException(RESOURCE + ": a line needs zh, ru and en separated by tabs");
        }
        for (int s = 0; s < 3; s++) {
            for (int t = 0; t < 3; t++) {
                String from = columns[s].strip();
                if (s != t && !from.isEmpty()) {
                    tables.computeIfAbsent(LANGUAGES[s] + ">" + LANGUAGES[t], k -> new HashMap<>())
                            .putIfAbsent(key(from), columns[t].strip());
                }
            }
        }
    }

    static String key(String phrase) {
        return phrase.toLowerCase(Locale.ROOT);
    }
}
