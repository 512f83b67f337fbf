package dev.silkway.sandbox.catalogue;

import java.util.List;

/** Real marketplace vocabulary the titles are built from: brands, product kinds with their categories, attributes. */
final class Vocabulary {

    record Brand(String zh, String en) {}

    /** A product kind: names in three languages, its category path, its variant axis and a base price range (fen). */
    record Kind(String zh, String en, String ru, String level1, String level2, Sizes sizes, long minFen, long maxFen) {}

    enum Sizes {
        SHOES,
        CLOTHES,
        NONE
    }

    record Attribute(String zh, String en, String ru) {}

    static final List<Brand> BRANDS = List.of(
            new Brand("耐克", "Nike"),
            new Brand("阿迪达斯", "Adidas"),
            new Brand("李宁", "Li-Ning"),
            new Brand("安踏", "Anta"),
            new Brand("特步", "Xtep"),
            new Brand("361度", "361°"),
            new Brand("小米", "Xiaomi"),
            new Brand("华为", "Huawei"),
            new Brand("优衣库", "Uniqlo"),
            new Brand("波司登", "Bosideng"),
            new Brand("回力", "Warrior"),
            new Brand("飞跃", "Feiyue"),
            new Brand("太平鸟", "Peacebird"),
            new Brand("森马", "Semir"),
            new Brand("膳魔师", "Thermos"),
            new Brand("绿联", "Ugreen"),
            new Brand("倍思", "Baseus"),
            new Brand("罗马仕", "Romoss"));

    static final List<Kind> KINDS = List.of(
            new Kind("运动鞋", "Sneakers", "Кроссовки", "运动鞋服", "运动鞋", Sizes.SHOES, 12_900, 89_900),
            new Kind("跑步鞋", "Running Shoes", "Беговые кроссовки", "运动鞋服", "跑步鞋", Sizes.SHOES, 19_900, 129_900),
            new Kind("篮球鞋", "Basketball Shoes", "Баскетбольные кроссовки", "运动鞋服", "篮球鞋", Sizes.SHOES, 29_900, 159_900),
            new Kind("帆布鞋", "Canvas Shoes", "Кеды", "运动鞋服", "休闲鞋", Sizes.SHOES, 4_900, 29_900),
            new Kind("卫衣", "Hoodie", "Худи", "服装", "卫衣", Sizes.CLOTHES, 5_900, 39_900),
            new Kind("羽绒服", "Down Jacket", "Пуховик", "服装", "羽绒服", Sizes.CLOTHES, 29_900, 199_900),
            new Kind("连衣裙", "Dress", "Платье", "女装", "连衣裙", Sizes.CLOTHES, 6_900, 49_900),
            new Kind("T恤", "T-Shirt", "Футболка", "服装", "T恤", Sizes.CLOTHES, 2_900, 19_900),
            new Kind("牛仔裤", "Jeans", "Джинсы", "服装", "裤子", Sizes.CLOTHES, 7_900, 39_900),
            new Kind("冲锋衣", "Hardshell Jacket", "Ветровка", "户外", "冲锋衣", Sizes.CLOTHES, 19_900, 99_900),
            new Kind("手机壳", "Phone Case", "Чехол для телефона", "手机配件", "手机壳", Sizes.NONE, 990, 6_900),
            new Kind("蓝牙耳机", "Bluetooth Earbuds", "Bluetooth-наушники", "数码", "耳机", Sizes.NONE, 5_900, 99_900),
            new Kind("充电宝", "Power Bank", "Пауэрбанк", "数码", "移动电源", Sizes.NONE, 3_900, 29_900),
            new Kind("数据线", "Charging Cable", "Кабель для зарядки", "手机配件", "数据线", Sizes.NONE, 990, 4_900),
            new Kind("智能手表", "Smart Watch", "Смарт-часы", "数码", "智能穿戴", Sizes.NONE, 19_900, 199_900),
            new Kind("保温杯", "Vacuum Flask", "Термокружка", "家居", "水杯", Sizes.NONE, 2_900, 25_900),
            new Kind("双肩包", "Backpack", "Рюкзак", "箱包", "双肩包", Sizes.NONE, 4_900, 59_900));

    static final List<Attribute> ADJECTIVES = List.of(
            new Attribute("2026新款", "2026 New", "новинка 2026"),
            new Attribute("透气", "Breathable", "дышащие"),
            new Attribute("加绒", "Fleece-Lined", "утеплённые"),
            new Attribute("轻便", "Lightweight", "лёгкие"),
            new Attribute("防滑", "Non-Slip", "нескользящие"),
            new Attribute("百搭", "Versatile", "универсальные"),
            new Attribute("官方正品", "Genuine", "оригинал"),
            new Attribute("潮流", "Trendy", "модные"),
            new Attribute("宽松", "Loose Fit", "свободные"),
            new Attribute("加厚", "Thickened", "утолщённые"));

    static final List<Attribute> GENDERS = List.of(
            new Attribute("男款", "Men's", "мужские"),
            new Attribute("女款", "Women's", "женские"),
            new Attribute("男女同款", "Unisex", "унисекс"));

    static final List<String> COLOURS =
            List.of("黑色", "白色", "灰色", "红色", "蓝色", "藏青色", "米白色", "卡其色", "粉色", "绿色", "紫色", "黄色");

    static final List<String> SHOE_SIZES =
            List.of("36", "37", "38", "39", "40", "40.5", "41", "42", "42.5", "43", "44", "44.5", "45");

    static final List<String> CLOTHES_SIZES = List.of("S", "M", "L", "XL", "XXL", "3XL");

    private Vocabulary() {}
}
