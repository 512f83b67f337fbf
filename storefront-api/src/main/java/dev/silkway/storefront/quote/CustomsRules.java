package dev.silkway.storefront.quote;

import dev.silkway.storefront.reference.Expiring;
import dev.silkway.storefront.reference.ReferenceDataProperties;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Customs rules per destination country (V67 {@code customs_rules}), which only migrations change: kept in
 * memory for the reference data's time to live.
 */
@Repository
class CustomsRules {

    private final JdbcClient jdbc;
    private final Expiring<String, CustomsRule> kept;

    CustomsRules(JdbcClient jdbc, ReferenceDataProperties reference) {
        this.jdbc = jdbc;
        this.kept = reference.expiring();
    }

    Optional<CustomsRule> of(String country) {
        return kept.get(country, this::read);
    }

    private Optional<CustomsRule> read(String country) {
        return jdbc.sql("""
                        SELECT country, duty_free_value_minor, duty_free_weight_grams, duty_percent, min_per_kg_minor
                        FROM customs_rules WHERE country = ?""")
                .param(country)
                .query((rs, n) -> new CustomsRule(
                        rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getBigDecimal(4), rs.getLong(5)))
                .optional();
    }
}
