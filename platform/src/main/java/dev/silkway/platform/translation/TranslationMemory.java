package dev.silkway.platform.translation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code translation_memory}: (SHA-256 of the source text, language pair) → translation. What the provider answered
 * is stored in a transaction of its own, so a translation that was paid for is kept even when the caller's work
 * rolls back.
 */
class TranslationMemory {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    TranslationMemory(JdbcClient jdbc, TransactionTemplate own) {
        this.jdbc = jdbc;
        this.own = own;
    }

    /** The remembered translations of those of {@code texts} that have one. */
    Map<String, String> recall(Collection<String> texts, Language source, Language target) {
        Map<String, String> found = new HashMap<>();
        if (texts.isEmpty()) {
            return found;
        }
        List<byte[]> hashes = texts.stream().map(TranslationMemory::hash).toList();
        jdbc.sql("""
                        SELECT source_text, translated_text FROM translation_memory
                        WHERE source_hash IN (:hashes) AND source_language = :source AND target_language = :target
                        """)
                .param("hashes", hashes)
                .param("source", source.code())
                .param("target", target.code())
                .query((rs, n) -> found.put(rs.getString(1), rs.getString(2)))
                .list();
        return found;
    }

    /** The longest translation stored (V55); a longer one is used but not remembered. */
    static final int LONGEST = 100_000;

    void remember(Map<String, String> translations, Language source, Language target, String provider) {
        Map<String, String> storable = new HashMap<>(translations);
        storable.values().removeIf(translated -> translated.length() > LONGEST);
        own.executeWithoutResult(status -> storable.forEach((text, translated) -> jdbc.sql("""
                        INSERT INTO translation_memory (source_hash, source_language, target_language, source_text,
                                                        translated_text, provider)
                        VALUES (:hash, :source, :target, :text, :translated, :provider)
                        ON CONFLICT DO NOTHING
                        """)
                .param("hash", hash(text))
                .param("source", source.code())
                .param("target", target.code())
                .param("text", text)
                .param("translated", translated)
                .param("provider", provider)
                .update()));
    }

    static byte[] hash(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
