package dev.silkway.db;

import static dev.silkway.db.Violations.assertViolates;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class CategoryTreeIT {

    private static JdbcTemplate jdbc;
    private static ValidRows rows;

    @BeforeAll
    static void database() {
        jdbc = MigratedDatabase.fresh("category_tree");
        rows = new ValidRows(jdbc);
    }

    @Test
    void derivesThePathOfANewCategoryFromItsParent() {
        rows.category("trail-running-shoes", "sneakers");

        assertThat(jdbc.queryForMap("SELECT path, depth FROM categories WHERE code = 'trail-running-shoes'"))
                .containsEntry("path", "shoes/sneakers/trail-running-shoes")
                .containsEntry("depth", 2);
    }

    @Test
    void movesAWholeSubtreeWhenACategoryChangesParent() {
        rows.category("tents", null);
        rows.category("ultralight-tents", "tents");

        jdbc.update("UPDATE categories SET parent_id = (SELECT id FROM categories WHERE code = 'outdoor') "
                + "WHERE code = 'tents'");

        assertThat(jdbc.queryForObject("SELECT path FROM categories WHERE code = 'ultralight-tents'", String.class))
                .isEqualTo("sports/outdoor/tents/ultralight-tents");
    }

    @Test
    void rejectsMovingACategoryUnderItsOwnSubtree() {
        rows.category("drones", null);
        rows.category("drone-parts", "drones");

        assertViolates(
                "ck_categories_not_own_parent",
                () -> jdbc.update(
                        "UPDATE categories SET parent_id = (SELECT id FROM categories WHERE code = 'drone-parts') "
                                + "WHERE code = 'drones'"));
    }

    @Test
    void rejectsACategoryUnderAMissingParent() {
        assertViolates(
                "categories_parent_id_fkey",
                () -> jdbc.update(
                        "INSERT INTO categories (code, parent_id, name_ru, name_en) VALUES ('orphan', -1, 'Сирота', 'Orphan')"));
    }

    @Test
    void findsASubtreeByItsPathPrefix() {
        var subtree = jdbc.queryForList(
                "SELECT code FROM categories WHERE path = 'shoes' OR path LIKE 'shoes' || '/%'", String.class);

        assertThat(subtree).contains("shoes", "sneakers", "boots").doesNotContain("clothing", "kids-shoes");
    }

    @Test
    void rejectsACategoryCodeThatIsNotASlug() {
        assertViolates("categories_code_check", () -> rows.category("Sneakers & More", "shoes"));
    }
}
