package dev.silkway.storefront.catalogue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every spelling of every brand — its name, its Chinese name and its aliases ({@code brand_aliases}:
 * "Anta", "Анта", "安踏", "安踏（ANTA）") — to the canonical brand that the index files its products under
 * (the same resolution as {@code ProductDocuments}). Cached like the category tree, reloaded by one
 * request at a time; at most {@link #MAX_SPELLINGS} spellings are held.
 */
@Component
class BrandNames {

    static final int MAX_SPELLINGS = 500_000;

    /** The most words a brand's name is looked for in: "The North Face", "New Balance". */
    static final int MAX_WORDS = 3;

    private static final String LOAD = """
            SELECT s.spelling, s.brand_id FROM (
                SELECT b.normalized_name AS spelling, COALESCE(a.brand_id, b.id) AS brand_id
                FROM brands b LEFT JOIN brand_aliases a ON a.alias_normalized = b.normalized_name
                UNION
                SELECT lower(b.name_zh), COALESCE(a.brand_id, b.id)
                FROM brands b LEFT JOIN brand_aliases a ON a.alias_normalized = b.normalized_name
                WHERE b.name_zh IS NOT NULL
                UNION
                SELECT a.alias_normalized, a.brand_id FROM brand_aliases a) s
            LIMIT :limit
            """;

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final JdbcClient jdbc;
    private final CatalogueProperties properties;
    private final AtomicBoolean reloading = new AtomicBoolean();
    private volatile @Nullable Snapshot snapshot;

    BrandNames(JdbcClient jdbc, CatalogueProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A brand named by a query, and what the query says besides (null when it names the brand only). */
    record Named(String brandId, @Nullable String rest) {}

    /**
     * The brand that the whole text, or its first or last words, spell in any script (a Cyrillic or
     * Latin spelling also through its transliteration, "Анта" is "anta", and typed with the other
     * keyboard layout, "фтеф"); null if none.
     */
    @Nullable
    Named named(String text) {
        Map<String, String> brands = current().brands;
        if (brands.isEmpty()) {
            return null;
        }
        String[] words = normalize(text).split(" ");
        for (int n = Math.min(words.length, MAX_WORDS); n > 0; n--) {
            String id = brandId(brands, words, 0, n);
            if (id != null) {
                return new Named(id, rest(words, n, words.length));
            }
            id = n < words.length ? brandId(brands, words, words.length - n, words.length) : null;
            if (id != null) {
                return new Named(id, rest(words, 0, words.length - n));
            }
        }
        return null;
    }

    private static @Nullable String brandId(Map<String, String> brands, String[] words, int from, int to) {
        String spelling = String.join(" ", Arrays.copyOfRange(words, from, to));
        String id = brands.get(spelling);
        if (id == null) {
            String transliterated = Transliteration.other(spelling);
            id = transliterated == null ? null : brands.get(transliterated);
        }
        if (id == null) {
            String swapped = KeyboardLayout.swapped(spelling);
            id = swapped == null ? null : brands.get(swapped);
        }
        return id;
    }

    private static @Nullable String rest(String[] words, int from, int to) {
        return from >= to ? null : String.join(" ", Arrays.copyOfRange(words, from, to));
    }

    static String normalize(String spelling) {
        String lower = spelling.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
        return SPACES.matcher(lower).replaceAll(" ");
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current != null && now - current.at < properties.cacheTtl().toNanos()) {
            return current;
        }
        // One request reloads an expired list; the others search with the one they have meanwhile.
        if (current != null && !reloading.compareAndSet(false, true)) {
            return current;
        }
        try {
            Snapshot fresh = new Snapshot(load(), now);
            snapshot = fresh;
            return fresh;
        } finally {
            reloading.set(false);
        }
    }

    private Map<String, String> load() {
        Map<String, String> brands = new HashMap<>();
        jdbc.sql(LOAD).param("limit", MAX_SPELLINGS).query(rs -> {
            String spelling = rs.getString(1);
            if (spelling != null && !spelling.isBlank()) {
                brands.putIfAbsent(normalize(spelling), Long.toString(rs.getLong(2)));
            }
        });
        return Map.copyOf(brands);
    }

    private record Snapshot(Map<String, String> brands, long at) {}
}
