package dev.silkway.storefront.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The texts of a product page that still want a Russian translation: the description (unless the feed gave a
 * Russian one, or it was translated from the same original) and the active SKUs' attributes. Saved only if the
 * original is still the one translated (its md5 is compared).
 */
@Repository
class PageTexts {

    record Sku(long id, String attributes, String sourceMd5) {}

    record Pending(
            long productId,
            @Nullable String description,
            @Nullable String descriptionMd5,
            List<Sku> skus) {}

    private final JdbcClient jdbc;

    PageTexts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Pending> pending(long productId) {
        Optional<Pending> product = jdbc.sql("""
                        SELECT description_original, md5(description_original) FROM products
                        WHERE id = :id AND status = 'VISIBLE' AND description_original IS NOT NULL
                          AND (description_ru IS NULL OR description_ru_source_md5 <> md5(description_original))
                        """)
                .param("id", productId)
                .query((rs, n) -> new Pending(productId, rs.getString(1), rs.getString(2), List.of()))
                .optional();
        List<Sku> skus = jdbc.sql("""
                        SELECT k.id, k.attributes::text, md5(k.attributes::text) FROM skus k
                        JOIN products p ON p.id = k.product_id AND p.status = 'VISIBLE'
                        WHERE k.product_id = :id AND k.active
                          AND (k.attributes_ru IS NULL OR k.attributes_ru_source_md5 <> md5(k.attributes::text))
                        ORDER BY k.id
                        """)
                .param("id", productId)
                .query((rs, n) -> new Sku(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        if (product.isEmpty() && skus.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(product.map(p -> new Pending(productId, p.description(), p.descriptionMd5(), skus))
                .orElse(new Pending(productId, null, null, skus)));
    }

    @Transactional
    void save(Pending pending, @Nullable String descriptionRu, Map<Long, String> attributesRu) {
        if (descriptionRu != null) {
            jdbc.sql("""
                            UPDATE products SET description_ru = :ru, description_ru_source_md5 = :md5
                            WHERE id = :id AND md5(description_original) = :md5
                            """)
                    .param("ru", descriptionRu.length() > 50_000 ? descriptionRu.substring(0, 50_000) : descriptionRu)
                    .param("md5", pending.descriptionMd5())
                    .param("id", pending.productId())
                    .update();
        }
        for (Sku sku : pending.skus()) {
            String ru = attributesRu.get(sku.id());
            if (ru != null) {
                jdbc.sql("""
                                UPDATE skus SET attributes_ru = CAST(:ru AS jsonb), attributes_ru_source_md5 = :md5
                                WHERE id = :id AND md5(attributes::text) = :md5
                                """)
                        .param("ru", ru)
                        .param("md5", sku.sourceMd5())
                        .param("id", sku.id())
                        .update();
            }
        }
    }

    /** A description as plain text: marketplaces send HTML fragments ({@code <p>…</p>}); tags become spaces. */
    static String plainText(String html) {
        return html.replaceAll("<[^>]{0,200}>", " ").replaceAll("\\s+", " ").strip();
    }
}
