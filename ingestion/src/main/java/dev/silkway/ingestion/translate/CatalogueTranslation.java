package dev.silkway.ingestion.translate;

import dev.silkway.platform.translation.AttributeTranslation;
import dev.silkway.platform.translation.Language;
import dev.silkway.platform.translation.Translations;
import dev.silkway.platform.translation.Translator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Translates one page of products: Chinese titles into Russian (and English where the feed gave none), English
 * ones into Russian, and the Chinese values of their SKUs' attributes into Russian. What the translator could not
 * do is left out of the result (the product keeps its original title) and the first reason is reported.
 */
@Component
class CatalogueTranslation {

    private final Translator translator;

    CatalogueTranslation(Translator translator) {
        this.translator = translator;
    }

    record Result(
            List<PendingProducts.Titles> titles,
            Map<PendingProducts.Sku, String> skuAttributes,
            Translations.@Nullable Shortfall shortfall) {}

    Result translate(List<PendingProducts.Product> products, List<PendingProducts.Sku> skus) {
        Shortfalls shortfalls = new Shortfalls();
        List<String> chinese = new ArrayList<>();
        List<String> english = new ArrayList<>();
        List<String> chineseWithoutEnglish = new ArrayList<>();
        for (PendingProducts.Product p : products) {
            if (Language.ofSource(p.titleOriginal()) == Language.ZH) {
                chinese.add(p.titleOriginal());
                if (p.titleEn() == null) {
                    chineseWithoutEnglish.add(p.titleOriginal());
                }
            } else {
                english.add(p.titleOriginal());
            }
        }
        Translations zhRu = shortfalls.note(translator.translate(chinese, Language.ZH, Language.RU));
        Translations enRu = shortfalls.note(translator.translate(english, Language.EN, Language.RU));
        Translations zhEn = shortfalls.note(translator.translate(chineseWithoutEnglish, Language.ZH, Language.EN));
        List<PendingProducts.Titles> titles = new ArrayList<>();
        for (PendingProducts.Product p : products) {
            boolean fromChinese = Language.ofSource(p.titleOriginal()) == Language.ZH;
            String ru = (fromChinese ? zhRu : enRu).of(p.titleOriginal());
            if (ru != null) {
                String en = fromChinese && p.titleEn() == null ? zhEn.of(p.titleOriginal()) : null;
                titles.add(new PendingProducts.Titles(p.id(), limit(ru), en == null ? null : limit(en), p.sourceMd5()));
            }
        }
        return new Result(titles, skuAttributes(skus, shortfalls), shortfalls.first);
    }

    private Map<PendingProducts.Sku, String> skuAttributes(List<PendingProducts.Sku> skus, Shortfalls shortfalls) {
        Map<PendingProducts.Sku, String> objects = new LinkedHashMap<>();
        skus.forEach(sku -> objects.put(sku, sku.attributes()));
        AttributeTranslation.Result<PendingProducts.Sku> result = AttributeTranslation.toRussian(translator, objects);
        if (shortfalls.first == null) {
            shortfalls.first = result.shortfall();
        }
        return result.inRussian();
    }

    /** Titles are at most 500 characters (V4). */
    private static String limit(String title) {
        return title.length() <= 500 ? title : title.substring(0, 500);
    }

    private static final class Shortfalls {
        Translations.@Nullable Shortfall first;

        Translations note(Translations translations) {
            if (first == null) {
                first = translations.shortfall();
            }
            return translations;
        }
    }
}
