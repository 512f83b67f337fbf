package dev.silkway.sandbox.taobao;

import static dev.silkway.sandbox.catalogue.SandboxJson.image;
import static dev.silkway.sandbox.catalogue.SandboxJson.yuan;

import dev.silkway.sandbox.catalogue.CatalogueItem;
import dev.silkway.sandbox.catalogue.Malformation;
import dev.silkway.sandbox.catalogue.SandboxJson;
import tools.jackson.databind.node.ObjectNode;

/** A catalogue item as a TOP tbk item: yuan strings, wrapped {@code small_images.string[]}, ids from 600000000003. */
final class TaobaoItems {

    static final long ID_BASE = 600_000_000_003L;
    static final long ID_STRIDE = 7;

    private TaobaoItems() {}

    static long id(long index) {
        return ID_BASE + index * ID_STRIDE;
    }

    /** The catalogue index of an item id, or -1. */
    static long index(String id) {
        try {
            long delta = Long.parseLong(id.trim()) - ID_BASE;
            return delta >= 0 && delta % ID_STRIDE == 0 ? delta / ID_STRIDE : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static ObjectNode render(CatalogueItem item, String idField) {
        Malformation bad = item.malformation();
        ObjectNode node = SandboxJson.object();
        node.put(idField, id(item.index()));
        node.put("title", bad.title(item.titleZh()));
        node.put("short_title", item.brandZh() + item.categoryLevel2());
        node.put("pict_url", image(item, 0));
        node.putObject("small_images").putArray("string").add(image(item, 1)).add(image(item, 2));
        node.put("reserve_price", yuan(item.listPriceFen()));
        switch (bad) {
            case MISSING_PRICE -> {}
            case NEGATIVE_PRICE -> node.put("zk_final_price", yuan(-item.priceFen()));
            case WRONG_TYPE -> node.putObject("zk_final_price").put("value", yuan(item.priceFen()));
            default -> node.put("zk_final_price", yuan(item.priceFen()));
        }
        node.put("user_type", item.index() % 3 == 0 ? 1 : 0);
        node.put("provcity", "浙江 杭州");
        node.put("item_url", "//item.taobao.com/item.htm?id=" + id(item.index()));
        node.put("volume", item.sales());
        node.put("nick", item.brandZh() + "官方旗舰店");
        node.put("shop_title", item.brandZh() + "官方旗舰店");
        node.put("seller_id", 2_200_000_000L + item.index() % 5000);
        node.put("category_id", item.categoryId(50_010_000));
        node.put("category_name", item.categoryLevel2());
        node.put("level_one_category_id", item.categoryId(16_000_000) / 1000);
        node.put("level_one_category_name", item.categoryLevel1());
        node.put("commission_rate", "1550");
        node.put("item_description", item.brandZh() + "正品保障，7天无理由退换");
        return node;
    }
}
