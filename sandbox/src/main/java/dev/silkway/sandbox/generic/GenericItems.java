package dev.silkway.sandbox.generic;

import static dev.silkway.sandbox.catalogue.SandboxJson.image;
import static dev.silkway.sandbox.catalogue.SandboxJson.yuan;

import dev.silkway.sandbox.catalogue.CatalogueItem;
import dev.silkway.sandbox.catalogue.Malformation;
import dev.silkway.sandbox.catalogue.SandboxJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A catalogue item as a plain JSON shop API renders it: string ids {@code G<index>}, prices as yuan strings, the
 * category as an object, SKUs with colour and size. A malformed item breaks the way such APIs do (a missing or
 * negative price, a price that is not a number, an oversized or control-character title; a
 * duplicated id is the same item sent twice, see {@link SandboxJson#render}).
 */
final class GenericItems {

    private GenericItems() {}

    static String id(long index) {
        return "G%08d".formatted(index);
    }

    static ObjectNode render(CatalogueItem item) {
        Malformation bad = item.malformation();
        ObjectNode node = SandboxJson.object();
        node.put("id", id(item.index()));
        node.put("title", bad.title(item.titleZh()));
        node.put("titleEn", item.titleEn());
        switch (bad) {
            case MISSING_PRICE -> {}
            case NEGATIVE_PRICE -> node.put("price", yuan(-item.priceFen()));
            case WRONG_TYPE -> node.putObject("price").put("amount", "面议");
            default -> node.put("price", yuan(item.priceFen()));
        }
        node.put("currency", "CNY");
        node.put("stock", item.stock());
        node.put("brand", item.brandZh());
        node.putObject("category")
                .put("id", Long.toString(item.categoryId(50_000)))
                .putArray("path")
                .add(item.categoryLevel1())
                .add(item.categoryLevel2());
        node.putArray("images").add(image(item, 0)).add(image(item, 1));
        node.put("rating", item.rating());
        node.put("reviews", item.reviews());
        node.put("sales", item.sales());
        node.put("url", "https://shop.example.cn/items/" + id(item.index()));
        ArrayNode skus = node.putArray("skus");
        for (CatalogueItem.Variant v : item.variants()) {
            ObjectNode sku = skus.addObject();
            sku.put("id", id(item.index()) + "-" + v.number());
            sku.put("color", v.colour());
            if (!v.size().isEmpty()) {
                sku.put("size", v.size());
            }
            sku.put("price", yuan(v.priceFen()));
            sku.put("stock", v.stock());
        }
        return node;
    }
}
