package dev.silkway.db;

import static dev.silkway.db.Violations.assertViolates;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class CatalogueSchemaIT {

    private static JdbcTemplate jdbc;
    private static ValidRows rows;

    @BeforeAll
    static void database() {
        jdbc = MigratedDatabase.fresh("catalogue_schema");
        rows = new ValidRows(jdbc);
    }

    @Test
    void rejectsADuplicateMarketplaceAndExternalId() {
        rows.product("taobao", "652793441234");

        assertViolates("uq_products_marketplace_external_id", () -> rows.product("taobao", "652793441234"));
    }

    @Test
    void acceptsTheSameExternalIdOnAnotherMarketplace() {
        rows.product("jd", "100012043978");

        assertThat(rows.product("pinduoduo", "100012043978")).isPositive();
    }

    @Test
    void keeps1688IdsBeyondTwoToThe53rdExactly() {
        String beyondDoublePrecision = "9007199254740993123";
        long product = rows.product("1688", beyondDoublePrecision);

        assertThat(jdbc.queryForObject("SELECT external_id FROM products WHERE id = ?", String.class, product))
                .isEqualTo(beyondDoublePrecision);
    }

    @Test
    void rejectsAProductOfAnUnknownMarketplace() {
        assertViolates("products_marketplace_code_fkey", () -> rows.product("aliexpress"));
    }

    @Test
    void rejectsAnUnknownProductStatus() {
        long product = rows.product("poizon");

        assertViolates(
                "products_status_check",
                () -> jdbc.update("UPDATE products SET status = 'DELETED' WHERE id = ?", product));
    }

    @Test
    void rejectsAMarketplaceRatingAboveFive() {
        long product = rows.product("jd");

        assertViolates(
                "products_rating_check", () -> jdbc.update("UPDATE products SET rating = 5.01 WHERE id = ?", product));
    }

    @Test
    void rejectsANegativePrice() {
        long sku = rows.sku(rows.product("taobao"));

        assertViolates("sku_prices_amount_minor_check", () -> jdbc.update("""
                        INSERT INTO sku_prices (sku_id, amount_minor, currency, original_amount, original_unit)
                        VALUES (?, -1, 'CNY', '-0.01', 'MAJOR')""", sku));
    }

    @Test
    void rejectsACurrencyThatIsNotAnIsoCode() {
        long sku = rows.sku(rows.product("taobao"));

        for (String currency : new String[] {"cny", "CN1", "RU"}) {
            assertViolates("sku_prices_currency_check", () -> jdbc.update("""
                            INSERT INTO sku_prices (sku_id, amount_minor, currency, original_amount, original_unit)
                            VALUES (?, 12990, ?, '129.90', 'MAJOR')""", sku, currency));
        }
    }

    @Test
    void keepsThePriceAsReceivedBesideTheMinorUnits() {
        long sku = rows.sku(rows.product("pinduoduo"));

        jdbc.update("""
                INSERT INTO sku_prices (sku_id, amount_minor, currency, original_amount, original_unit)
                VALUES (?, 12990, 'CNY', '12990', 'MINOR')""", sku);

        assertThat(jdbc.queryForMap(
                        "SELECT amount_minor, currency, original_unit FROM sku_prices WHERE sku_id = ?", sku))
                .containsEntry("amount_minor", 12990L)
                .containsEntry("currency", "CNY")
                .containsEntry("original_unit", "MINOR");
    }

    @Test
    void rejectsNegativeStock() {
        long sku = rows.sku(rows.product("1688"));

        assertViolates(
                "sku_stock_quantity_check",
                () -> jdbc.update("INSERT INTO sku_stock (sku_id, quantity, in_stock) VALUES (?, -3, false)", sku));
    }

    @Test
    void rejectsAnInStockFlagThatContradictsTheQuantity() {
        long sku = rows.sku(rows.product("1688"));

        assertViolates(
                "ck_sku_stock_in_stock_matches_quantity",
                () -> jdbc.update("INSERT INTO sku_stock (sku_id, quantity, in_stock) VALUES (?, 0, true)", sku));
    }

    @Test
    void rejectsSkuAttributesThatAreNotAnObject() {
        long product = rows.product("poizon");

        assertViolates(
                "skus_attributes_check",
                () -> jdbc.update(
                        "INSERT INTO skus (product_id, external_id, attributes) VALUES (?, 'sku-x', '[\"42\"]')",
                        product));
    }

    @Test
    void rejectsAGenericJsonMarketplaceWithoutItsFeedDefinition() {
        assertViolates("ck_marketplaces_feed_definition", () -> jdbc.update("""
                        INSERT INTO marketplaces (code, name, protocol, schedule)
                        VALUES ('vipshop', 'Vipshop', 'generic-json', '0 0 3 * * ?')"""));
    }

    @Test
    void acceptsAGenericJsonMarketplaceWithItsFeedDefinition() {
        jdbc.update("""
                INSERT INTO marketplaces (code, name, protocol, schedule, feed_definition)
                VALUES ('suning', 'Suning', 'generic-json', '0 30 2 * * ?',
                        '{"baseUrl": "https://feed.example.com", "paging": {"type": "page"}, "mapping": {}}')""");

        assertThat(jdbc.queryForObject("SELECT enabled FROM marketplaces WHERE code = 'suning'", Boolean.class))
                .isTrue();
    }

    @Test
    void rejectsAScheduleThatIsNotACronExpression() {
        assertViolates(
                "marketplaces_schedule_check",
                () -> jdbc.update("UPDATE marketplaces SET schedule = 'hourly' WHERE code = 'jd'"));
    }

    @Test
    void listsAnUnmappedMarketplaceCategoryForTheOperator() {
        jdbc.update("""
                INSERT INTO marketplace_categories (marketplace_code, external_id, name, full_path)
                VALUES ('jd', '9987', '手机通讯', '手机通讯 > 手机')""");

        assertThat(jdbc.queryForList(
                        "SELECT name FROM marketplace_categories WHERE marketplace_code = 'jd' AND category_id IS NULL",
                        String.class))
                .contains("手机通讯");
    }
}
