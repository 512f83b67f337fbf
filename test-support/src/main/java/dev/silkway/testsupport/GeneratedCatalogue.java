package dev.silkway.testsupport;

import org.springframework.jdbc.core.simple.JdbcClient;

/** For benchmarks: N synthetic but realistic products (titles in three languages, SKUs, prices, stock, images) written by SQL. */
public final class GeneratedCatalogue {

    private GeneratedCatalogue() {}

    public static void generate(JdbcClient jdbc, int count) {
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
        jdbc.sql("""
                INSERT INTO sku_prices (sku_id, amount_minor, currency, original_amount, original_unit)
                SELECT k.id, 1000 + (k.product_id * 7919) % 500000, 'CNY', '1', 'MINOR'
                FROM skus k WHERE k.external_id LIKE 'sku-%'
                ON CONFLICT DO NOTHING
                """).update();
        jdbc.sql("""
                INSERT INTO sku_stock (sku_id, quantity, in_stock)
                SELECT k.id, (k.product_id % 4) * 5, k.product_id % 4 <> 0 FROM skus k WHERE k.external_id LIKE 'sku-%'
                ON CONFLICT DO NOTHING
                """).update();
        jdbc.sql("""
                INSERT INTO product_images (product_id, position, url)
                SELECT id, 0, 'https://img.example/' || id || '.jpg' FROM products WHERE external_id LIKE 'bench-%'
                ON CONFLICT DO NOTHING
                """).update();
        jdbc.sql("ANALYZE").update();
    }
}
