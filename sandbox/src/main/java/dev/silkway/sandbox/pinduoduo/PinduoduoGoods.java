package dev.silkway.sandbox.pinduoduo;

import dev.silkway.sandbox.catalogue.CatalogueItem;
import dev.silkway.sandbox.catalogue.Malformation;
import dev.silkway.sandbox.catalogue.SandboxJson;
import tools.jackson.databind.node.ObjectNode;

/** A catalogue item as a {@code goods_list[]} entry: prices in FEN integers, {@code sales_tip} like "10万+". */
final class PinduoduoGoods {

    private PinduoduoGoods() {}

    static long goodsId(long index) {
        return 300_000_000_005L + index * 11;
    }

    static ObjectNode render(CatalogueItem item) {
        Malformation bad = item.malformation();
        ObjectNode goods = SandboxJson.object();
        goods.put("goods_id", goodsId(item.index()));
        goods.put("goods_name", bad.title(item.titleZh()));
        goods.put("goods_desc", item.titleZh() + "，拼单更优惠，全国包邮");
        goods.put("goods_image_url", SandboxJson.image(item, 0));
        goods.put("goods_thumbnail_url", SandboxJson.image(item, 1));
        switch (bad) {
            case MISSING_PRICE -> {}
            case NEGATIVE_PRICE -> goods.put("min_group_price", -item.priceFen());
            case WRONG_TYPE -> goods.put("min_group_price", SandboxJson.yuan(item.priceFen()));
            default -> goods.put("min_group_price", item.priceFen());
        }
        goods.put("min_normal_price", item.listPriceFen());
        goods.put("coupon_discount", 300);
        goods.put("mall_name", item.brandZh() + "官方旗舰店");
        goods.put("brand_name", item.brandZh());
        goods.put("category_id", item.categoryId(8_000));
        goods.put("category_name", item.categoryLevel2());
        goods.put("opt_id", item.categoryId(100) / 100);
        goods.put("opt_name", item.categoryLevel1());
        goods.put("sales_tip", salesTip(item.sales()));
        goods.put("promotion_rate", 120);
        goods.put("goods_eval_score", item.rating());
        goods.put("goods_eval_count", item.reviews());
        return goods;
    }

    static String salesTip(long sales) {
        return sales >= 10_000 ? (sales / 10_000) + "万+" : Long.toString(sales);
    }
}
