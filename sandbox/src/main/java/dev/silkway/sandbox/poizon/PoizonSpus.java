package dev.silkway.sandbox.poizon;

import dev.silkway.sandbox.catalogue.CatalogueItem;
import dev.silkway.sandbox.catalogue.Malformation;
import dev.silkway.sandbox.catalogue.SandboxJson;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A catalogue item as a Poizon SPU: {@code skus[].properties} is a JSON STRING; article numbers look like
 * {@code NI0000042-042}; sku ids encode (item, variant) so the lowest-price endpoint can find them.
 */
final class PoizonSpus {

    private static final Pattern ARTICLE = Pattern.compile("[A-Z0-9]{2}(\\d{7})-\\d{3}");
    private static final long SKU_BASE = 600_000_000L;

    private PoizonSpus() {}

    static String articleNumber(CatalogueItem item) {
        String prefix = item.brandEn().replaceAll("[^A-Za-z0-9]", "").toUpperCase() + "XX";
        return "%s%07d-%03d".formatted(prefix.substring(0, 2), item.index(), item.index() % 997);
    }

    static long index(String articleNumber) {
        Matcher matcher = ARTICLE.matcher(articleNumber.trim());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
    }

    static long skuId(long index, int variant) {
        return SKU_BASE + index * 16 + variant;
    }

    static long indexOfSku(long skuId) {
        return skuId >= SKU_BASE ? (skuId - SKU_BASE) / 16 : -1;
    }

    static int variantOfSku(long skuId) {
        return (int) ((skuId - SKU_BASE) % 16);
    }

    static ObjectNode render(CatalogueItem item) {
        Malformation bad = item.malformation();
        ObjectNode spu = SandboxJson.object();
        spu.put("spu_id", 1_000_000 + item.index());
        spu.put("brand_id", 10_000 + Math.abs(item.brandEn().hashCode() % 5000));
        spu.put("brand_name", item.brandEn());
        spu.put("article_number", articleNumber(item));
        spu.put("title", bad.title(item.brandEn() + " " + item.titleZh()));
        spu.put("spu_logo", SandboxJson.image(item, 0));
        spu.put("category_id", item.categoryId(30));
        spu.put("category_name", item.categoryLevel2());
        spu.put("sold_num", item.sales());
        ArrayNode skus = spu.putArray("skus");
        for (CatalogueItem.Variant variant : item.variants()) {
            ObjectNode properties = SandboxJson.object();
            if (!variant.size().isEmpty()) {
                properties.put("尺码", variant.size());
            }
            properties.put("颜色", variant.colour());
            String json = SandboxJson.MAPPER.writeValueAsString(properties);
            if (bad == Malformation.BROKEN_NESTED_JSON && variant.number() == 0) {
                json = json.substring(0, json.length() - 2);
            }
            skus.addObject()
                    .put("sku_id", skuId(item.index(), variant.number()))
                    .put("status", 1)
                    .put("properties", json)
                    .put("barcode", "69%011d".formatted(item.index() * 16 + variant.number()));
        }
        return spu;
    }

    /** The lowest-price answer of one SKU: ordinary and express trade types, in fen. */
    static ObjectNode lowestPrice(CatalogueItem item, int variantNumber, long skuId) {
        Malformation bad = item.malformation();
        ObjectNode data = SandboxJson.object().put("sku_id", skuId);
        ArrayNode items = data.putArray("items");
        if (bad == Malformation.MISSING_PRICE
                || variantNumber >= item.variants().size()) {
            return data;
        }
        long price = item.variants().get(variantNumber).priceFen();
        ObjectNode normal = items.addObject().put("trade_type", 0);
        switch (bad) {
            case NEGATIVE_PRICE -> normal.put("lowest_price", -price);
            case WRONG_TYPE -> normal.put("lowest_price", Long.toString(price));
            default -> normal.put("lowest_price", price);
        }
        items.addObject().put("trade_type", 2).put("lowest_price", price + 1500);
        return data;
    }
}
