package dev.silkway.sandbox.alibaba1688;

import static dev.silkway.sandbox.catalogue.SandboxJson.yuanNumber;

import dev.silkway.sandbox.catalogue.CatalogueItem;
import dev.silkway.sandbox.catalogue.Malformation;
import dev.silkway.sandbox.catalogue.SandboxJson;
import java.math.BigInteger;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A catalogue item as 1688 {@code productInfo}. Product IDs start beyond 2^53 and are odd, so a client that reads
 * them through a double gets them wrong; prices are yuan numbers, images paths under cbu01.alicdn.com.
 */
final class AlibabaProducts {

    static final long ID_BASE = 9_007_199_254_740_993L;

    private AlibabaProducts() {}

    static long productId(long index) {
        return ID_BASE + index * 2;
    }

    static long index(String productId) {
        try {
            BigInteger delta = new BigInteger(productId.trim()).subtract(BigInteger.valueOf(ID_BASE));
            return delta.signum() >= 0 && !delta.testBit(0) && delta.bitLength() < 62 ? delta.longValue() / 2 : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static ObjectNode render(CatalogueItem item) {
        Malformation bad = item.malformation();
        ObjectNode product = SandboxJson.object();
        long id = productId(item.index());
        product.put("productID", id);
        product.put("subject", bad.title(item.titleZh()));
        product.put("subjectTrans", item.titleEn());
        product.put("description", "<p>" + item.titleZh() + "，源头工厂直供，支持一件代发。</p>");
        product.put("categoryID", item.categoryId(120_000_000));
        product.put("categoryName", item.categoryLevel2());
        product.put("status", "published");
        product.put("bookedCount", item.sales());
        product.putObject("image")
                .putArray("images")
                .add("img/ibank/sandbox/" + item.imagePath(0))
                .add("img/ibank/sandbox/" + item.imagePath(1));
        product.putArray("attributes")
                .add(SandboxJson.object()
                        .put("attributeID", 2176)
                        .put("attributeName", "品牌")
                        .put("value", item.brandZh()));
        ObjectNode saleInfo = product.putObject("saleInfo");
        saleInfo.put("amountOnSale", bad == Malformation.NEGATIVE_STOCK ? -5 : item.stock());
        saleInfo.put("unit", "件");
        if (bad != Malformation.MISSING_PRICE) {
            saleInfo.putArray("priceRanges")
                    .add(SandboxJson.object().put("startQuantity", 1).put("price", yuanNumber(price(item, bad))))
                    .add(SandboxJson.object()
                            .put("startQuantity", 50)
                            .put("price", yuanNumber(item.priceFen() * 9 / 10)));
        }
        if (bad == Malformation.WRONG_TYPE) {
            product.putObject("skuInfos").put("skuId", id);
        } else {
            product.set("skuInfos", skus(item, bad));
        }
        return product;
    }

    private static long price(CatalogueItem item, Malformation bad) {
        return bad == Malformation.NEGATIVE_PRICE ? -item.priceFen() : item.priceFen();
    }

    private static ArrayNode skus(CatalogueItem item, Malformation bad) {
        ArrayNode skus = SandboxJson.array();
        for (CatalogueItem.Variant variant : item.variants()) {
            ObjectNode sku = skus.addObject();
            sku.put("skuId", 4_000_000_000_000L + item.index() * 16 + variant.number());
            sku.put("specId", Long.toHexString(item.index() * 16 + variant.number() + 0xabc00000L));
            sku.put("amountOnSale", variant.stock());
            if (bad != Malformation.MISSING_PRICE) {
                sku.put(
                        "price",
                        yuanNumber(bad == Malformation.NEGATIVE_PRICE ? -variant.priceFen() : variant.priceFen()));
                sku.put("consignPrice", yuanNumber(variant.priceFen() + 300));
            }
            ArrayNode attributes = sku.putArray("attributes");
            attributes.add(SandboxJson.object()
                    .put("attributeID", 3216)
                    .put("attributeName", "颜色")
                    .put("attributeValue", variant.colour()));
            if (!variant.size().isEmpty()) {
                attributes.add(SandboxJson.object()
                        .put("attributeID", 450)
                        .put("attributeName", "尺码")
                        .put("attributeValue", variant.size()));
            }
        }
        return skus;
    }
}
