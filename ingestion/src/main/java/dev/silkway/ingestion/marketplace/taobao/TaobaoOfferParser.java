package dev.silkway.ingestion.marketplace.taobao;

import static dev.silkway.ingestion.marketplace.offer.JsonFields.id;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalLong;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalText;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.optionalYuan;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.strings;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.text;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.url;
import static dev.silkway.ingestion.marketplace.offer.JsonFields.yuan;

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
import dev.silkway.ingestion.marketplace.offer.TextPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A TOP tbk item ({@code map_data} of material.optional or {@code n_tbk_item} of item.info.get): prices are yuan
 * strings ({@code zk_final_price} paid, {@code reserve_price} list), images are {@code pict_url} plus the wrapped
 * list {@code small_images.string[]}, sales are {@code volume}. TOP gives no stock, brand, SKUs or rating here; the
 * shop, its kind ({@code user_type} 1 = Tmall) and the dispatch place ({@code provcity}) become attributes.
 */
final class TaobaoOfferParser implements OfferParser {

    private final TextPolicy text;

    TaobaoOfferParser(TextPolicy text) {
        this.text = text;
    }

    @Override
    public ParseOutcome<Offer> parse(RawOffer raw) {
        return OfferParsing.guarded(raw, this::map);
    }

    private Offer map(JsonNode item) {
        String itemId = item.has("item_id") ? id(item, "item_id") : id(item, "num_iid");
        String priceText = item.path("zk_final_price").isValueNode()
                ? item.path("zk_final_price").asString()
                : "";
        long price = yuan(item, "zk_final_price");
        List<String> images = new ArrayList<>();
        String picture = url(optionalText(item, "pict_url", text));
        if (picture != null) {
            images.add(picture);
        }
        strings(item, "small_images", "string", text).stream()
                .map(JsonFields::url)
                .filter(Objects::nonNull)
                .filter(u -> !images.contains(u))
                .forEach(images::add);
        String categoryId = item.has("category_id") ? id(item, "category_id") : null;
        List<String> path = Stream.of(
                        optionalText(item, "level_one_category_name", text),
                        optionalText(item, "category_name", text),
                        optionalText(item, "cat_name", text),
                        optionalText(item, "cat_leaf_name", text))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        String description = optionalText(item, "item_description", text);
        return new Offer(
                Marketplace.TAOBAO,
                itemId,
                text(item, "title", text),
                null,
                description,
                null,
                categoryId,
                path,
                price,
                new OriginalPrice(priceText, PriceUnit.YUAN),
                optionalYuan(item, "reserve_price"),
                null,
                List.of(),
                images,
                null,
                null,
                optionalLong(item, "volume"),
                url(optionalText(item, "item_url", text)),
                attributes(item));
    }

    private List<Offer.Attribute> attributes(JsonNode item) {
        Long userType = optionalLong(item, "user_type");
        String shop = optionalText(item, "shop_title", text);
        return new OfferAttributes()
                .add("店铺", shop != null ? shop : optionalText(item, "nick", text))
                .add("店铺类型", userType == null ? null : userType == 1 ? "天猫" : "淘宝")
                .add("发货地", optionalText(item, "provcity", text))
                .toList();
    }
}
