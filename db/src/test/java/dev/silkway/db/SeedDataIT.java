package dev.silkway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class SeedDataIT {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = MigratedDatabase.fresh("seed_data");
    }

    @Test
    void seedsTheFiveMarketplacesWithTheirProtocolsEnabledAndScheduled() {
        var marketplaces = jdbc.query(
                "SELECT code, name, protocol, enabled, schedule FROM marketplaces ORDER BY code",
                (rs, n) -> tuple(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("protocol"),
                        rs.getBoolean("enabled"),
                        rs.getString("schedule") != null));

        assertThat(marketplaces)
                .containsExactly(
                        tuple("1688", "1688.com", "alibaba-1688", true, true),
                        tuple("jd", "JD.com", "jd-union", true, true),
                        tuple("pinduoduo", "Pinduoduo", "pdd-ddk", true, true),
                        tuple("poizon", "Poizon", "dewu-open", true, true),
                        tuple("taobao", "Taobao", "taobao-top", true, true));
    }

    @Test
    void seedsTheThreeRoles() {
        assertThat(jdbc.queryForList("SELECT code FROM roles", String.class))
                .containsExactlyInAnyOrder("SHOPPER", "OPERATOR", "ADMIN");
    }

    @Test
    void seedsATwoLevelCategoryTreeNamedInRussianAndEnglish() {
        Map<String, Object> shape = jdbc.queryForMap("""
                SELECT count(*) FILTER (WHERE depth = 0) AS roots,
                       count(*) FILTER (WHERE depth = 1) AS children,
                       count(*) FILTER (WHERE depth > 1) AS deeper,
                       count(*) FILTER (WHERE name_ru !~ '[А-Яа-яЁё]') AS without_russian_name
                FROM categories""");

        assertThat(shape).containsEntry("deeper", 0L).containsEntry("without_russian_name", 0L);
        assertThat((Long) shape.get("roots")).isGreaterThanOrEqualTo(10);
        assertThat((Long) shape.get("children")).isGreaterThanOrEqualTo(40);
        assertThat(jdbc.queryForList("""
                        SELECT p.code FROM categories p
                        WHERE p.depth = 0 AND p.code <> 'unsorted'
                          AND (SELECT count(*) FROM categories c WHERE c.parent_id = p.id) < 2""", String.class))
                .as("top-level categories with fewer than two children")
                .isEmpty();
    }

    @Test
    void seedsTheUnsortedNodeAtTheTopOfTheTree() {
        assertThat(jdbc.queryForMap("SELECT path, depth, name_en FROM categories WHERE code = 'unsorted'"))
                .containsEntry("path", "unsorted")
                .containsEntry("depth", 0)
                .containsEntry("name_en", "Unsorted");
    }

    @Test
    void seedsTheClothingShoesElectronicsHomeBeautyKidsAndSportsBranches() {
        assertThat(jdbc.queryForList("SELECT path FROM categories", String.class))
                .contains(
                        "clothing/womens-clothing",
                        "shoes/sneakers",
                        "electronics/smartphones",
                        "home/kitchenware",
                        "beauty/skincare",
                        "kids/toys",
                        "sports/outdoor");
    }

    @Test
    void seedsTheCarriersThatTheTrackingPollerReads() {
        assertThat(jdbc.queryForList("SELECT code || ':' || tracking_api FROM carriers", String.class))
                .contains("cdek:cdek-v2", "sf-express:sf-express", "russian-post:russian-post", "china-post:17track");
    }
}
