package dev.silkway.ingestion.marketplace.jd;

import static dev.silkway.ingestion.marketplace.offer.JsonFields.array;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.id;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalDecimal;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalLong;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalText;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalYuan;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.text;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.yuan;

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
import dev.silkway.ingestion.marketplace.offer.TextPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One {@code queryResult.data[]} item: {@code priceInfo.price} is the JD price in yuan (a JSON number),
 * {@code lowestPrice} the lowest promotional one; categories cid1..3 with names; {@code goodCommentsShare} is a
 * percentage mapped onto the 0–5 scale; {@code inOrderCount30Days} are the sales; the shop and {@code owner}
 * ({@code g} sold by JD itself, {@code p} by a third-party seller) become attributes.
 */
final class JdOfferParser implements OfferParser {

    private static final BigDecimal TWENTY = BigDecimal.valueOf(20);

    private final TextPolicy text;

    JdOfferParser(TextPolicy text) {
        this.text = text;
    }

    @Override
    public ParseOutcome<Offer> parse(RawOffer raw) {
        return OfferParsing.guarded(raw, this::map);
    }

    private Offer map(JsonNode item) {
        JsonNode priceInfo = item.path("priceInfo");
        if (!priceInfo.isObject()) {
            throw RecordRejected.missingPrice("priceInfo.price");
        }
        long price = yuan(priceInfo, "price");
        Long lowest = optionalYuan(priceInfo, "lowestPrice");
        JsonNode category = item.path("categoryInfo");
        List<String> path = Stream.of("cid1Name", "cid2Name", "cid3Name")
                .map(field -> optionalText(category, field, text))
                .filter(Objects::nonNull)
                .toList();
        List<String> images = new ArrayList<>();
        for (JsonNode image : array(item.path("imageInfo"), "imageList")) {
            String url = optionalText(image, "url", text);
            if (url != null) {
                images.add(url.startsWith("http") ? url : "https://img14.360buyimg.com/n0/" + url);
            }
        }
        BigDecimal share = optionalDecimal(item, "goodCommentsShare");
        if (share != null && (share.signum() < 0 || share.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw RecordRejected.invalid("goodCommentsShare", "not a percentage: " + share);
        }
        String materialUrl = optionalText(item, "materialUrl", text);
        return new Offer(
                Marketplace.JD,
                id(item, "skuId"),
                text(item, "skuName", text),
                null,
                null,
                optionalText(item, "brandName", text),
                category.has("cid3") ? id(category, "cid3") : null,
                path,
                lowest != null && lowest < price ? lowest : price,
                new OriginalPrice(priceInfo.path("price").asString(), PriceUnit.YUAN),
                lowest != null && lowest < price ? price : null,
                null,
                List.of(),
                images,
                share == null ? null : share.divide(TWENTY, 2, RoundingMode.HALF_UP),
                optionalLong(item, "comments"),
                optionalLong(item, "inOrderCount30Days"),
                materialUrl == null || materialUrl.startsWith("http") ? materialUrl : "https://" + materialUrl,
                new OfferAttributes()
                        .add("店铺", optionalText(item.path("shopInfo"), "shopName", text))
                        .add("经营方式", owner(optionalText(item, "owner", text)))
                        .toList());
    }

    private static @Nullable String owner(@Nullable String owner) {
        return owner == null ? null : owner.equals("g") ? "京东自营" : owner.equals("p") ? "第三方商家" : owner;
    }
}
