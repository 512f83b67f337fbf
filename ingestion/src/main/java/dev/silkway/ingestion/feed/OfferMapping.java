package dev.silkway.ingestion.feed;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.catalogue.CatalogueOffers;
import dev.silkway.ingestion.catalogue.CatalogueSku;
import dev.silkway.ingestion.marketplace.offer.Offer;
import dev.silkway.ingestion.marketplace.offer.PriceUnit;
import dev.silkway.ingestion.marketplace.offer.Sku;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A connector's {@link Offer} onto the unified model. An offer without variants gets one SKU carrying the product's
 * id; a variant without its own price takes the offer's. Variant attributes are normalized to {@code size} and
 * {@code colour} where the platform's name is known, the original names kept beside them; the offer's attributes
 * are stored as the marketplace names them.
 */
public final class OfferMapping {

    private static final Map<String, String> ATTRIBUTE_NAMES = Map.ofEntries(
            Map.entry("尺码", "size"),
            Map.entry("尺寸", "size"),
            Map.entry("鞋码", "size"),
            Map.entry("size", "size"),
            Map.entry("颜色", "colour"),
            Map.entry("颜色分类", "colour"),
            Map.entry("颜色分類", "colour"),
            Map.entry("color", "colour"),
            Map.entry("colour", "colour"));

    private OfferMapping() {}

    public static CatalogueOffers.Draft draft(String feedCode, Offer offer) {
        String unit = offer.originalPrice().unit() == PriceUnit.YUAN ? "MAJOR" : "MINOR";
        List<CatalogueSku> skus = offer.skus().isEmpty()
                ? List.of(new CatalogueSku(
                        offer.externalId(),
                        Map.of(),
                        Map.of(),
                        null,
                        offer.priceFen(),
                        offer.listPriceFen(),
                        "CNY",
                        offer.originalPrice().value(),
                        unit,
                        offer.stock(),
                        offer.stock() == null || offer.stock() > 0))
                : offer.skus().stream().map(s -> sku(offer, s, unit)).toList();
        return new CatalogueOffers.Draft(
                feedCode,
                offer.externalId(),
                offer.titleOriginal(),
                offer.titleTranslated(),
                offer.description(),
                offer.brand(),
                offer.categoryId(),
                offer.categoryPath(),
                offer.rating(),
                offer.reviewCount(),
                offer.salesCount(),
                offer.sourceUrl(),
                offer.imageUrls(),
                offer.attributes().stream()
                        .map(a -> new CatalogueOffer.Attribute(a.name(), a.value()))
                        .toList(),
                skus);
    }

    private static CatalogueSku sku(Offer offer, Sku sku, String offerUnit) {
        boolean ownPrice = sku.priceFen() != null && sku.priceFen() != offer.priceFen();
        long price = sku.priceFen() != null ? sku.priceFen() : offer.priceFen();
        return new CatalogueSku(
                sku.skuId(),
                normalized(sku.attributes()),
                sku.attributes(),
                null,
                price,
                null,
                "CNY",
                ownPrice ? Long.toString(price) : offer.originalPrice().value(),
                ownPrice ? "MINOR" : offerUnit,
                sku.stock(),
                sku.stock() == null || sku.stock() > 0);
    }

    public static Map<String, String> normalized(Map<String, String> original) {
        Map<String, String> out = new LinkedHashMap<>();
        original.forEach((name, value) -> {
            @Nullable String key = ATTRIBUTE_NAMES.get(name.strip().toLowerCase(Locale.ROOT));
            if (key != null) {
                out.putIfAbsent(key, value);
            }
        });
        return out;
    }
}
