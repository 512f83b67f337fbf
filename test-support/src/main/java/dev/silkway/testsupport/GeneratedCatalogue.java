package dev.silkway.testsupport;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Synthetic but realistic products written by SQL: for benchmarks, titles in three languages ({@link #generate});
 * for the Russian catalogue's checks, the sandbox's demo catalogue as the feeds give it, Chinese titles only
 * ({@link #demo}).
 */
public final class GeneratedCatalogue {

    /**
     * The demo catalogue's product kinds: the Chinese word of the feeds (known to the sandbox translator's commerce
     * dictionary), the unified category it is filed under, and the everyday Russian word a shopper types for it, in
     * the nominative and the genitive plural.
     */
    public record Kind(String zh, String category, String ru, String ruGenitivePlural) {}

    public static final List<Kind> DEMO_KINDS = List.of(
            new Kind("运动鞋", "sneakers", "кроссовки", "кроссовок"),
            new Kind("帆布鞋", "sneakers", "кеды", "кедов"),
            new Kind("皮鞋", "mens-shoes", "туфли", "туфель"),
            new Kind("靴子", "boots", "ботинки", "ботинок"),
            new Kind("凉鞋", "sandals-slippers", "сандалии", "сандалий"),
            new Kind("拖鞋", "sandals-slippers", "шлепанцы", "шлепанцев"),
            new Kind("卫衣", "sportswear", "худи", "худи"),
            new Kind("羽绒服", "outerwear", "пуховик", "пуховиков"),
            new Kind("连衣裙", "womens-clothing", "платье", "платьев"),
            new Kind("半身裙", "womens-clothing", "юбка", "юбок"),
            new Kind("T恤", "mens-clothing", "футболка", "футболок"),
            new Kind("衬衫", "mens-clothing", "рубашка", "рубашек"),
            new Kind("牛仔裤", "mens-clothing", "джинсы", "джинсов"),
            new Kind("短裤", "mens-clothing", "шорты", "шорт"),
            new Kind("夹克", "outerwear", "куртка", "курток"),
            new Kind("大衣", "outerwear", "пальто", "пальто"),
            new Kind("毛衣", "womens-clothing", "свитер", "свитеров"),
            new Kind("睡衣", "underwear-sleepwear", "пижама", "пижам"),
            new Kind("袜子", "underwear-sleepwear", "носки", "носков"),
            new Kind("帽子", "hats-scarves", "шапка", "шапок"),
            new Kind("围巾", "hats-scarves", "шарф", "шарфов"),
            new Kind("手套", "hats-scarves", "перчатки", "перчаток"),
            new Kind("双肩包", "backpacks", "рюкзак", "рюкзаков"),
            new Kind("手提包", "bags", "сумка", "сумок"),
            new Kind("钱包", "bags", "кошелек", "кошельков"),
            new Kind("行李箱", "bags", "чемодан", "чемоданов"),
            new Kind("手机壳", "phone-accessories", "чехол", "чехлов"),
            new Kind("耳机", "audio", "наушники", "наушников"),
            new Kind("手表", "watches", "часы", "часов"),
            new Kind("保温杯", "kitchenware", "термокружка", "термокружек"),
            new Kind("毛巾", "home-textiles", "полотенце", "полотенец"),
            new Kind("键盘", "computers", "клавиатура", "клавиатур"));

    private GeneratedCatalogue() {}

    /**
     * The sandbox's demo catalogue as the feeds give it, {@code count} products over the {@link #DEMO_KINDS}: a
     * Chinese title as the sandbox builds it ("安踏 加厚 女款运动鞋 正品 款号110"), no Russian or English title yet,
     * the feed's brand with its Chinese name and the aliases an admin gives, SKUs, prices, stock and an image. Its
     * external ids start with {@code demo-}; a second call adds nothing.
     */
    public static void demo(JdbcClient jdbc, int count) {
        brands(jdbc);
        String[] kinds = DEMO_KINDS.stream().map(Kind::zh).toArray(String[]::new);
        String[] categories = DEMO_KINDS.stream().map(Kind::category).toArray(String[]::new);
        jdbc.sql("""
                WITH brand_list AS (
                         SELECT array_agg(b.id ORDER BY v.n) AS ids, array_agg(b.name_zh ORDER BY v.n) AS names
                         FROM unnest(ARRAY['nike','adidas','li-ning','anta','xiaomi','huawei','uniqlo','haier'])
                             WITH ORDINALITY AS v (name, n)
                         JOIN brands b ON b.normalized_name = v.name),
                     demo AS (
                         SELECT g, 1 + g % cardinality(CAST(:kinds AS text[])) AS kind, 1 + (g / 7) % 8 AS brand
                         FROM generate_series(1, :count) g)
                INSERT INTO products (marketplace_code, external_id, category_id, brand_id, title_original, rating,
                                      review_count, sales_count, source_url, content_hash, version, created_at)
                SELECT (ARRAY['taobao','jd','pinduoduo','poizon'])[1 + d.g % 4],
                       'demo-' || d.g,
                       (SELECT c.id FROM categories c WHERE c.code = (CAST(:categories AS text[]))[d.kind]),
                       brand_list.ids[d.brand],
                       brand_list.names[d.brand] || ' '
                           || (ARRAY['加厚','透气','轻便','百搭','潮流','2026新款','官方正品'])[1 + d.g % 7] || ' '
                           || (ARRAY['男款','女款','男女同款'])[1 + (d.g / 3) % 3]
                           || (CAST(:kinds AS text[]))[d.kind] || ' 正品 款号' || (100 + d.g % 900),
                       round((3.8 + (d.g % 13) / 10.0)::numeric, 1), (d.g * 37) % 3000, (d.g * 53) % 100000,
                       'https://item.example/demo-' || d.g, decode('00', 'hex'), 1, now() - make_interval(mins => d.g)
                FROM demo d, brand_list
                ON CONFLICT DO NOTHING
                """)
                .param("kinds", kinds)
                .param("categories", categories)
                .param("count", count)
                .update();
        jdbc.sql("""
                INSERT INTO skus (product_id, external_id, attributes, attributes_original)
                SELECT id, 'sku-' || id, '{"颜色":"黑色"}'::jsonb, '{"颜色":"黑色"}'::jsonb
                FROM products WHERE external_id LIKE 'demo-%'
                ON CONFLICT DO NOTHING
                """).update();
        prices(jdbc, "demo-%");
        jdbc.sql("ANALYZE").update();
    }

    public static void generate(JdbcClient jdbc, int count) {
        brands(jdbc);
        jdbc.sql("""
                WITH cats AS (SELECT array_agg(id ORDER BY id) AS ids FROM categories WHERE depth = 1),
                     brands AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(name ORDER BY id) AS names FROM brands)
                INSERT INTO products (marketplace_code, external_id, category_id, brand_id, title_original, title_ru,
                                      title_en, description_ru, rating, review_count, sales_count, source_url,
                                      content_hash, version, created_at)
                SELECT (ARRAY['taobao','jd','1688','poizon','pinduoduo'])[1 + g % 5],
                       'bench-' || g,
                       cats.ids[1 + g % array_length(cats.ids, 1)],
                       brands.ids[1 + (g / 7) % array_length(brands.ids, 1)],
                       (ARRAY['运动鞋','羽绒服','手机','卫衣','双肩包','手表','连衣裙','耳机','夹克','背包'])[1 + g % 10]
                           || ' ' || brands.names[1 + (g / 7) % array_length(brands.ids, 1)] || ' 新款 ' || g,
                       (ARRAY['Кроссовки','Пуховик','Смартфон','Худи','Рюкзак','Часы','Платье','Наушники','Куртка',
                              'Сумка'])[1 + g % 10]
                           || ' ' || brands.names[1 + (g / 7) % array_length(brands.ids, 1)]
                           || (ARRAY[' мужские',' женские',' детские',' зимние',' летние'])[1 + (g / 3) % 5]
                           || ' модель ' || g,
                       CASE WHEN g % 3 = 0 THEN (ARRAY['Sneakers','Down jacket','Smartphone','Hoodie','Backpack',
                              'Watch','Dress','Headphones','Jacket','Bag'])[1 + g % 10] || ' model ' || g END,
                       'Оригинальный товар с доставкой из Китая. Материал: текстиль, размерная сетка стандартная. '
                           || 'Подходит для повседневной носки и спорта. Артикул ' || g,
                       CASE WHEN g % 11 = 0 THEN NULL ELSE round((3 + (g % 21) / 10.0)::numeric, 2) END,
                       (g * 37) % 3000, (g * 53) % 100000,
                       'https://item.example/' || g, decode('00', 'hex'), 1,
                       now() - make_interval(mins => g % 100000)
                FROM generate_series(1, :count) g, cats, brands
                """).param("count", count).update();
        jdbc.sql("""
                INSERT INTO skus (product_id, external_id, attributes, attributes_original)
                SELECT id, 'sku-' || id, '{"size":"42","colour":"черный"}'::jsonb, '{"尺码":"42","颜色":"黑色"}'::jsonb
                FROM products WHERE external_id LIKE 'bench-%'
                """).update();
        prices(jdbc, "bench-%");
        jdbc.sql("ANALYZE").update();
    }

    /** The benchmark's brands, with the Chinese names and the aliases of the feeds and the admins. */
    private static void brands(JdbcClient jdbc) {
        jdbc.sql("""
                INSERT INTO brands (name, normalized_name)
                SELECT b, lower(b) FROM unnest(ARRAY['Nike','Adidas','Li-Ning','Anta','Xiaomi','Huawei','Uniqlo',
                    'Puma','Lenovo','Haier','Midea','Oppo','Vivo','Casio','Timberland','Coach']) b
                ON CONFLICT (normalized_name) DO NOTHING
                """).update();
        // Brands in three scripts, as the feeds and the admins give them (the products_v2 documents carry them).
        jdbc.sql("""
                UPDATE brands b SET name_zh = v.zh
                FROM (VALUES ('nike', '耐克'), ('adidas', '阿迪达斯'), ('li-ning', '李宁'), ('anta', '安踏'),
                             ('xiaomi', '小米'), ('huawei', '华为'), ('uniqlo', '优衣库'), ('haier', '海尔')) AS v (name, zh)
                WHERE b.normalized_name = v.name AND b.name_zh IS NULL
                """).update();
        jdbc.sql("""
                INSERT INTO brand_aliases (alias_normalized, brand_id)
                SELECT v.alias, b.id
                FROM (VALUES ('nike', 'найк'), ('nike', '耐克'), ('adidas', 'адидас'), ('anta', 'анта'),
                             ('anta', '安踏'), ('xiaomi', 'сяоми'), ('xiaomi', '小米'), ('huawei', 'хуавей')) AS v (name, alias)
                JOIN brands b ON b.normalized_name = v.name
                ON CONFLICT (alias_normalized) DO NOTHING
                """).update();
    }

    /** A price, stock and an image for each SKU and product whose external id is like {@code products}. */
    private static void prices(JdbcClient jdbc, String products) {
        jdbc.sql("""
                INSERT INTO sku_prices (sku_id, amount_minor, currency, original_amount, original_unit)
                SELECT k.id, 1000 + (k.product_id * 7919) % 500000, 'CNY', '1', 'MINOR'
                FROM skus k JOIN products p ON p.id = k.product_id WHERE p.external_id LIKE :products
                ON CONFLICT DO NOTHING
                """).param("products", products).update();
        jdbc.sql("""
                INSERT INTO sku_stock (sku_id, quantity, in_stock)
                SELECT k.id, (k.product_id % 4) * 5, k.product_id % 4 <> 0
                FROM skus k JOIN products p ON p.id = k.product_id WHERE p.external_id LIKE :products
                ON CONFLICT DO NOTHING
                """).param("products", products).update();
        jdbc.sql("""
                INSERT INTO product_images (product_id, position, url)
                SELECT id, 0, 'https://img.example/' || id || '.jpg' FROM products WHERE external_id LIKE :products
                ON CONFLICT DO NOTHING
                """).param("products", products).update();
    }
}
