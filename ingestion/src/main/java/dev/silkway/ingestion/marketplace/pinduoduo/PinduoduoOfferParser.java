package dev.silkway.ingestion.marketplace.pinduoduo;

import static dev.silkway.ingestion.marketplace.offer.JsonFields.fen;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.id;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalDecimal;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalLong;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalText;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.strings;
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
import dev.silkway.ingestion.marketplace.offer.TextPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A {@code goods_list[]} item: prices in FEN ({@code min_group_price} paid in a group, {@code min_normal_price} the
 * single-buyer price), {@code sales_tip} like {@code "10万+"}, optional {@code goods_eval_score} (0–5); the shop
 * ({@code mall_name}) is an attribute.
 */
final class PinduoduoOfferParser implements OfferParser {

    private final TextPolicy text;

    PinduoduoOfferParser(TextPolicy text) {
        this.text = text;
    }

    @Override
    public ParseOutcome<Offer> parse(RawOffer raw) {
        return OfferParsing.guarded(raw, this::map);
    }

    private Offer map(JsonNode item) {
        String goodsId = id(item, "goods_id");
        long price = fen(item, "min_group_price");
        Long normal = item.has("min_normal_price") ? fen(item, "min_normal_price") : null;
        List<String> images = new ArrayList<>();
        Stream.concat(
                        Stream.of(
                                optionalText(item, "goods_image_url", text),
                                optionalText(item, "goods_thumbnail_url", text)),
                        strings(item, "goods_gallery_urls", "", text).stream())
                .filter(Objects::nonNull)
                .distinct()
                .forEach(images::add);
        BigDecimal score = optionalDecimal(item, "goods_eval_score");
        if (score != null && score.compareTo(BigDecimal.valueOf(5)) > 0) {
            throw RecordRejected.invalid("goods_eval_score", "above 5: " + score);
        }
        List<String> path = Stream.of(optionalText(item, "opt_name", text), optionalText(item, "category_name", text))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        return new Offer(
                Marketplace.PINDUODUO,
                goodsId,
                text(item, "goods_name", text),
                null,
                optionalText(item, "goods_desc", text),
                optionalText(item, "brand_name", text),
                item.has("category_id") ? id(item, "category_id") : null,
                path,
                price,
                new OriginalPrice(Long.toString(price), PriceUnit.FEN),
                normal != null && normal > price ? normal : null,
                null,
                List.of(),
                images,
                score,
                optionalLong(item, "goods_eval_count"),
                SalesTip.parse(optionalText(item, "sales_tip", text)),
                "https://mobile.yangkeduo.com/goods.html?goods_id=" + goodsId,
                new OfferAttributes()
                        .add("店铺", optionalText(item, "mall_name", text))
                        .toList());
    }
}
