package dev.silkway.sandbox.jd;

import static dev.silkway.sandbox.catalogue.SandboxJson.image;
import static dev.silkway.sandbox.catalogue.SandboxJson.yuanNumber;

import dev.silkway.sandbox.catalogue.CatalogueItem;
import dev.silkway.sandbox.catalogue.Malformation;
import dev.silkway.sandbox.catalogue.SandboxJson;
import tools.jackson.databind.node.ObjectNode;

/** A catalogue item as a JD Union goods entry: yuan NUMBERS, cid1..3 with names, skuIds from 100000000001. */
final class JdItems {

    private JdItems() {}

    static long skuId(long index) {
        return 100_000_000_001L + index * 13;
    }

    static ObjectNode render(CatalogueItem item) {
        Malformation bad = item.malformation();
        ObjectNode node = SandboxJson.object();
        node.put("skuId", skuId(item.index()));
        node.put("spuid", skuId(item.index()) - 1);
        node.put("skuName", bad.title(item.titleZh()));
        node.put("owner", item.index() % 4 == 0 ? "g" : "p");
        node.put("materialUrl", "item.jd.com/" + skuId(item.index()) + ".html");
        node.put("brandName", item.brandZh() + "（" + item.brandEn() + "）");
        ObjectNode price = node.putObject("priceInfo");
        switch (bad) {
            case MISSING_PRICE -> {}
            case NEGATIVE_PRICE -> price.put("price", yuanNumber(-item.priceFen()));
            case WRONG_TYPE -> price.put("price", "价格面议");
            default -> price.put("price", yuanNumber(item.listPriceFen()));
        }
        price.put("lowestPrice", yuanNumber(item.priceFen()));
        price.put("lowestCouponPrice", yuanNumber(Math.max(0, item.priceFen() - 1000)));
        ObjectNode commission = node.putObject("commissionInfo");
        commission.put("commission", yuanNumber(item.priceFen() / 20));
        commission.put("commissionShare", 5.0);
        node.putObject("imageInfo")
                .putArray("imageList")
                .add(SandboxJson.object().put("url", image(item, 0)))
                .add(SandboxJson.object().put("url", image(item, 1)));
        node.putObject("shopInfo")
                .put("shopName", item.brandZh() + "京东自营旗舰店")
                .put("shopId", 1_000_000 + item.index() % 997);
        ObjectNode category = node.putObject("categoryInfo");
        category.put("cid1", item.categoryId(1_000) / 1000);
        category.put("cid1Name", item.categoryLevel1());
        category.put("cid2", item.categoryId(12_000) / 100);
        category.put("cid2Name", item.categoryLevel2());
        category.put("cid3", item.categoryId(9_000));
        category.put("cid3Name", item.categoryLevel2());
        node.put("inOrderCount30Days", item.sales() / 10);
        node.put("comments", item.reviews());
        node.put("goodCommentsShare", Math.round(item.rating() * 20 * 10) / 10.0);
        return node;
    }
}
