package dev.silkway.ingestion.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link CatalogueOffer}s within the schema's limits (V4): ids without whitespace and at most 128 characters
 * (otherwise the record is rejected), titles cut to 500 characters, URLs that are not http(s) dropped, the rating
 * rounded to two decimals; and computes the content hash that lets the merge skip unchanged offers.
 */
public final class CatalogueOffers {

    private static final Pattern ID = Pattern.compile("^\\S{1,128}$");
    private static final Pattern URL = Pattern.compile("^https?://\\S+$");

    private CatalogueOffers() {}

    /** The fields of one offer as a feed yields them, before the schema's limits are applied. */
    public record Draft(
            String feedCode,
            String externalId,
            String titleOriginal,
            @Nullable String titleTranslated,
            @Nullable String description,
            @Nullable String brand,
            @Nullable String categoryId,
            List<String> categoryPath,
            @Nullable BigDecimal rating,
            @Nullable Long reviewCount,
            @Nullable Long salesCount,
            @Nullable String sourceUrl,
            List<String> images,
            List<CatalogueOffer.Attribute> attributes,
            List<CatalogueSku> skus) {}

    /** A draft that cannot be stored; the caller quarantines it with this reason. */
    public static final class InvalidOffer extends RuntimeException {
        private final String field;

        InvalidOffer(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public static CatalogueOffer of(Draft d) {
        String externalId = id("externalId", d.externalId());
        if (d.titleOriginal().isBlank()) {
            throw new InvalidOffer("title", "the title is empty");
        }
        if (d.skus().isEmpty()) {
            throw new InvalidOffer("skus", "the offer has no price");
        }
        Map<String, CatalogueSku> skus = new TreeMap<>();
        for (CatalogueSku sku : d.skus()) {
            id("skus.externalId", sku.externalId());
            skus.putIfAbsent(
                    sku.externalId(),
                    new CatalogueSku(
                            sku.externalId(),
                            sku.attributes(),
                            sku.attributesOriginal(),
                            url(sku.imageUrl()),
                            sku.amountMinor(),
                            sku.listAmountMinor(),
                            sku.currency(),
                            cut(sku.originalAmount(), 64),
                            sku.originalUnit(),
                            sku.quantity(),
                            sku.quantity() == null ? sku.inStock() : sku.quantity() > 0));
        }
        String translated = cut(blankToNull(d.titleTranslated()), 500);
        boolean cyrillic = translated != null && translated.codePoints().anyMatch(c -> c >= 0x400 && c <= 0x4FF);
        List<String> path = d.categoryPath().stream().filter(s -> !s.isBlank()).toList();
        String categoryId = d.categoryId() != null && !d.categoryId().isBlank()
                ? d.categoryId()
                : (path.isEmpty() ? null : String.join(">", path));
        List<String> images = new ArrayList<>(new LinkedHashSet<>(d.images().stream()
                .map(CatalogueOffers::url)
                .filter(u -> u != null)
                .toList()));
        List<CatalogueOffer.Attribute> attributes = d.attributes().stream()
                .filter(a -> !a.name().isBlank())
                .limit(200)
                .map(a -> new CatalogueOffer.Attribute(cut(a.name(), 200), cut(a.value(), 2000)))
                .toList();
        CatalogueOffer draft = new CatalogueOffer(
                d.feedCode(),
                externalId,
                cut(d.titleOriginal().strip(), 500),
                cyrillic ? translated : null,
                cyrillic ? null : translated,
                cut(blankToNull(d.description()), 50_000),
                cut(blankToNull(d.brand()), 200),
                categoryId == null ? null : cut(categoryId, 128),
                categoryId == null ? null : cut(path.isEmpty() ? categoryId : path.getLast(), 200),
                path.isEmpty() ? null : cut(String.join(" > ", path), 1000),
                d.rating() == null ? null : d.rating().setScale(2, RoundingMode.HALF_UP),
                Math.min(Integer.MAX_VALUE, Math.max(0, d.reviewCount() == null ? 0 : d.reviewCount())),
                Math.max(0, d.salesCount() == null ? 0 : d.salesCount()),
                d.sourceUrl() == null ? null : url(d.sourceUrl()),
                images.subList(0, Math.min(images.size(), 100)),
                attributes,
                List.copyOf(skus.values()),
                new byte[0]);
        return withHash(draft);
    }

    static CatalogueOffer withHash(CatalogueOffer o) {
        Hasher h = new Hasher();
        h.add(o.feedCode())
                .add(o.externalId())
                .add(o.titleOriginal())
                .add(o.titleRu())
                .add(o.titleEn());
        h.add(o.description()).add(o.brand()).add(o.categoryExternalId()).add(o.categoryName());
        h.add(o.categoryPath()).add(o.rating() == null ? null : o.rating().toPlainString());
        h.add(Long.toString(o.reviewCount())).add(Long.toString(o.salesCount())).add(o.sourceUrl());
        o.images().forEach(h::add);
        h.add("#attributes");
        o.attributes().forEach(a -> h.add(a.name()).add(a.value()));
        for (CatalogueSku s : o.skus()) {
            h.add("#sku").add(s.externalId());
            new TreeMap<>(s.attributes()).forEach((k, v) -> h.add(k).add(v));
            h.add("#original");
            new TreeMap<>(s.attributesOriginal()).forEach((k, v) -> h.add(k).add(v));
            h.add(s.imageUrl()).add(Long.toString(s.amountMinor()));
            h.add(s.listAmountMinor() == null ? null : s.listAmountMinor().toString());
            h.add(s.currency()).add(s.originalAmount()).add(s.originalUnit());
            h.add(s.quantity() == null ? null : s.quantity().toString()).add(Boolean.toString(s.inStock()));
        }
        return new CatalogueOffer(
                o.feedCode(),
                o.externalId(),
                o.titleOriginal(),
                o.titleRu(),
                o.titleEn(),
                o.description(),
                o.brand(),
                o.categoryExternalId(),
                o.categoryName(),
                o.categoryPath(),
                o.rating(),
                o.reviewCount(),
                o.salesCount(),
                o.sourceUrl(),
                o.images(),
                o.attributes(),
                o.skus(),
                h.digest());
    }

    private static String id(String field, String value) {
        if (!ID.matcher(value).matches()) {
            throw new InvalidOffer(field, field + " must be 1..128 characters without whitespace");
        }
        return value;
    }

    private static @Nullable String url(@Nullable String value) {
        return value != null && value.length() <= 2048 && URL.matcher(value).matches() ? value : null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    private static final class Hasher {
        private final MessageDigest digest;

        Hasher() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Hasher add(@Nullable String value) {
            if (value == null) {
                digest.update((byte) 2);
            } else {
                digest.update(value.getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 1);
            return this;
        }

        byte[] digest() {
            return digest.digest();
        }
    }
}
