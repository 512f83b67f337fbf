package dev.silkway.elastic.product;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Product documents as the indexer writes them: a Russian-titled, a Chinese-only and an English one. */
final class Products {

    private Products() {}

    static Map<String, Object> russianSneakers() {
        Map<String, Object> doc = base("p-1", "taobao", "Nike", 59_900);
        doc.put("title", "耐克运动鞋男款");
        doc.put("titleRu", "Мужские кроссовки Nike Air для бега");
        doc.put("descriptionRu", "<p>Лёгкие кроссовки с сеткой</p>");
        doc.put("suggest", Map.of("input", List.of("Кроссовки Nike Air", "Nike Air")));
        return doc;
    }

    static Map<String, Object> chineseJacket() {
        Map<String, Object> doc = base("p-2", "jd", "Li-Ning", 129_900);
        doc.put("title", "李宁羽绒服女款冬季");
        doc.put("description", "保暖轻便");
        return doc;
    }

    static Map<String, Object> englishHoodie() {
        Map<String, Object> doc = base("p-3", "pinduoduo", "Crème Café", 19_900);
        doc.put("title", "连帽卫衣");
        doc.put("titleEn", "Men's cotton hoodies with pockets");
        doc.put("suggest", Map.of("input", List.of("Cotton hoodie")));
        return doc;
    }

    /** A product with only a Russian title (and a Chinese original). */
    static Map<String, Object> russian(String id, String titleRu, String titleZh) {
        Map<String, Object> doc = base(id, "taobao", "Anta", 9_900);
        doc.put("title", titleZh);
        doc.put("titleRu", titleRu);
        return doc;
    }

    private static Map<String, Object> base(String id, String marketplace, String brand, long priceMinor) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("productId", id);
        doc.put("marketplace", marketplace);
        doc.put("brand", brand);
        doc.put("categoryIds", List.of("1", "12"));
        doc.put("categoryPath", "1/12");
        doc.put("priceMinor", priceMinor);
        doc.put("currency", "CNY");
        doc.put("rating", 4.8);
        doc.put("ratingBayes", 4.6);
        doc.put("reviewCount", 120);
        doc.put("sales", 3_400);
        doc.put("inStock", true);
        doc.put("createdAt", "2026-11-01T10:00:00Z");
        doc.put("updatedAt", "2026-11-20T10:00:00Z");
        return doc;
    }
}
