package dev.silkway.ingestion.marketplace.poizon;

import static dev.silkway.ingestion.marketplace.offer.JsonFields.array;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.fen;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.id;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.nestedJson;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalLong;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalText;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.text;

import dev.silkway.ingestion.marketplace.common.Marketplace;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The composite Poizon record: the SPU ({@code skus[].properties} is a JSON STRING such as {@code {"尺码":"42.5"}})
 * and per SKU the lowest-price answer {@code items[{lowest_price (fen), trade_type}]}; the SKU price is the lowest
 * over trade types, the offer price the lowest over SKUs. Poizon gives no stock figure; the article number is an
 * attribute ({@code 货号}).
 */
final class PoizonOfferParser implements OfferParser {

    private final TextPolicy text;

    PoizonOfferParser(TextPolicy text) {
        this.text = text;
    }

    @Override
    public ParseOutcome<Offer> parse(RawOffer raw) {
        return OfferParsing.guarded(raw, this::map);
    }

    private Offer map(JsonNode record) {
        JsonNode spu = record.path("spu");
        if (!spu.isObject()) {
            throw RecordRejected.missing("spu");
        }
        JsonNode prices = record.path("lowest_prices");
        List<Sku> skus = new ArrayList<>();
        Long lowest = null;
        for (JsonNode sku : array(spu, "skus")) {
            String skuId = id(sku, "sku_id");
            Long price = lowestPrice(prices.path(skuId));
            skus.add(new Sku(skuId, properties(sku), price, null));
            if (price != null && (lowest == null || price < lowest)) {
                lowest = price;
            }
        }
        if (lowest == null) {
            throw RecordRejected.missingPrice("lowest_prices[].items[].lowest_price");
        }
        String logo = optionalText(spu, "spu_logo", text);
        String categoryName = optionalText(spu, "category_name", text);
        return new Offer(
                Marketplace.POIZON,
                id(spu, "spu_id"),
                text(spu, "title", text),
                null,
                null,
                optionalText(spu, "brand_name", text),
                spu.has("category_id") ? id(spu, "category_id") : null,
                categoryName == null ? List.of() : List.of(categoryName),
                lowest,
                new OriginalPrice(Long.toString(lowest), PriceUnit.FEN),
                null,
                null,
                skus,
                logo == null ? List.of() : List.of(logo),
                null,
                null,
                optionalLong(spu, "sold_num"),
                null,
                new OfferAttributes()
                        .add("货号", optionalText(spu, "article_number", text))
                        .toList());
    }

    private Map<String, String> properties(JsonNode sku) {
        JsonNode properties = nestedJson(sku, "properties");
        if (!properties.isObject()) {
            throw RecordRejected.brokenNestedJson("properties");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            attributes.put(
                    text.check("properties", entry.getKey()),
                    text.check("properties", entry.getValue().asString()));
        }
        return attributes;
    }

    private @Nullable Long lowestPrice(JsonNode answer) {
        Long lowest = null;
        for (JsonNode item : array(answer, "items")) {
            long price = fen(item, "lowest_price");
            if (price > 0 && (lowest == null || price < lowest)) {
                lowest = price;
            }
        }
        return lowest;
    }
}
