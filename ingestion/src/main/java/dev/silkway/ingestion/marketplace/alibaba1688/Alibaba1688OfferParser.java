package dev.silkway.ingestion.marketplace.alibaba1688;

import static dev.silkway.ingestion.marketplace.offer.JsonFields.array;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.id;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalLong;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalStock;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalText;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalYuan;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.text;

import dev.silkway.ingestion.marketplace.common.Marketplace;
import dev.silkway.ingestion.marketplace.offer.JsonFields;
import dev.silkway.ingestion.marketplace.offer.Offer;
import dev.silkway.ingestion.marketplace.offer.OfferAttributes;
import dev.silkway.ingestion.marketplace.offer.OfferParser;
import dev.silkway.ingestion.marketplace.offer.OfferParsing;
import dev.silkway.ingestion.marketplace.offer.OriginalPrice;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import dev.silkway.ingestion.marketplace.offer.PriceUnit;
import dev.silkway.ingestion.marketplace.offer.RawOffer;
import dev.silkway.ingestion.marketplace.offer.RecordRejected;
import dev.silkway.ingestion.marketplace.offer.Sku;
import dev.silkway.ingestion.marketplace.offer.TextPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code productInfo}: {@code productID} beyond 2^53 kept as text, {@code subject} (and {@code subjectTrans}),
 * {@code skuInfos[]} with yuan prices and {@code amountOnSale}, {@code saleInfo.priceRanges[]} for products without
 * SKU prices, images as paths under {@code https://cbu01.alicdn.com/}, brand from the {@code 品牌} attribute; the
 * product's {@code attributes[]} ({@code attributeName}, {@code value}) and the sale unit become attributes.
 */
final class Alibaba1688OfferParser implements OfferParser {

    private static final String IMAGE_HOST = "https://cbu01.alicdn.com/";

    private final TextPolicy text;

    Alibaba1688OfferParser(TextPolicy text) {
        this.text = text;
    }

    @Override
    public ParseOutcome<Offer> parse(RawOffer raw) {
        return OfferParsing.guarded(raw, this::map);
    }

    private Offer map(JsonNode product) {
        if (product.has("error_code")) {
            throw RecordRejected.invalid(
                    "error_code",
                    "the platform refused the product: "
                            + product.path("error_code").asString(""));
        }
        String productId = id(product, "productID");
        List<Sku> skus = new ArrayList<>();
        Map<Long, String> received = new LinkedHashMap<>();
        for (JsonNode sku : array(product, "skuInfos")) {
            Long price = optionalYuan(sku, "price");
            if (price == null) {
                price = optionalYuan(sku, "consignPrice");
            }
            if (price != null) {
                received.putIfAbsent(
                        price,
                        sku.path(sku.has("price") ? "price" : "consignPrice").asString());
            }
            skus.add(new Sku(id(sku, "skuId"), attributes(sku), price, optionalStock(sku, "amountOnSale")));
        }
        JsonNode saleInfo = product.path("saleInfo");
        for (JsonNode range : array(saleInfo, "priceRanges")) {
            Long price = optionalYuan(range, "price");
            if (price != null) {
                received.putIfAbsent(price, range.path("price").asString());
            }
        }
        Map.Entry<Long, String> lowest = received.entrySet().stream()
                .min(Comparator.comparingLong(Map.Entry::getKey))
                .orElseThrow(() -> RecordRejected.missingPrice("skuInfos[].price"));
        Integer stock = optionalStock(saleInfo, "amountOnSale");
        List<String> images = JsonFields.strings(product.path("image"), "images", "", text).stream()
                .map(path -> path.startsWith("http") ? path : IMAGE_HOST + path)
                .toList();
        String categoryName = optionalText(product, "categoryName", text);
        return new Offer(
                Marketplace.ALIBABA_1688,
                productId,
                text(product, "subject", text),
                optionalText(product, "subjectTrans", text),
                optionalText(product, "description", text),
                brand(product),
                product.has("categoryID") ? id(product, "categoryID") : null,
                categoryName == null ? List.of() : List.of(categoryName),
                lowest.getKey(),
                new OriginalPrice(lowest.getValue(), PriceUnit.YUAN),
                optionalYuan(product, "referencePrice"),
                stock,
                skus,
                images,
                null,
                null,
                optionalLong(product, "bookedCount"),
                "https://detail.1688.com/offer/" + productId + ".html",
                productAttributes(product, saleInfo));
    }

    private List<Offer.Attribute> productAttributes(JsonNode product, JsonNode saleInfo) {
        OfferAttributes attributes = new OfferAttributes();
        for (JsonNode attribute : array(product, "attributes")) {
            String name = optionalText(attribute, "attributeName", text);
            if (name != null) {
                attributes.add(name, optionalText(attribute, "value", text));
            }
        }
        return attributes.add("单位", optionalText(saleInfo, "unit", text)).toList();
    }

    private Map<String, String> attributes(JsonNode sku) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode attribute : array(sku, "attributes")) {
            String name = optionalText(attribute, "attributeName", text);
            String value = optionalText(attribute, "attributeValue", text);
            if (name != null && value != null) {
                attributes.put(name, value);
            }
        }
        return attributes;
    }

    private @Nullable String brand(JsonNode product) {
        return array(product, "attributes").stream()
                .filter(a -> "品牌".equals(a.path("attributeName").asString("")))
                .map(a -> optionalText(a, "value", text))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}
