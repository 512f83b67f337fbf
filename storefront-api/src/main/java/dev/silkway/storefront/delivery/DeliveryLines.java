package dev.silkway.storefront.delivery;

import dev.silkway.storefront.reference.Expiring;
import dev.silkway.storefront.reference.ReferenceDataProperties;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalogue of delivery lines, a handful of rows that every quote, order and product page reads:
 * kept in memory for the reference data's time to live, dropped here when an admin saves a line.
 */
@Repository
public class DeliveryLines {

    private final JdbcClient jdbc;
    private final Expiring<Boolean, List<DeliveryLine>> kept;

    DeliveryLines(JdbcClient jdbc, ReferenceDataProperties reference) {
        this.jdbc = jdbc;
        this.kept = reference.expiring();
    }

    public List<DeliveryLine> all() {
        return kept.get(true, all -> Optional.of(read())).orElseThrow();
    }

    private List<DeliveryLine> read() {
        return jdbc.sql("SELECT * FROM delivery_lines ORDER BY eta_min_days, method")
                .query(this::map)
                .list();
    }

    /** The enabled lines that deliver to {@code country}, fastest first. */
    public List<DeliveryLine> serving(String country) {
        return all().stream().filter(line -> line.serves(country)).toList();
    }

    public Optional<DeliveryLine> byMethod(DeliveryMethod method) {
        return all().stream().filter(line -> line.method() == method).findFirst();
    }

    void save(DeliveryLine line, UUID by) {
        jdbc.sql("""
                        INSERT INTO delivery_lines (method, name, countries, first_half_kg_minor, next_half_kg_minor,
                            min_charge_minor, eta_min_days, eta_max_days, max_parcel_grams, restricted_categories,
                            restricted_keywords, insurance_offered, enabled, updated_at, updated_by)
                        VALUES (:method, :name, :countries, :first, :next, :min, :etaMin, :etaMax, :max, :categories,
                            :keywords, :insurance, :enabled, now(), :by)
                        ON CONFLICT (method) DO UPDATE SET name = EXCLUDED.name, countries = EXCLUDED.countries,
                            first_half_kg_minor = EXCLUDED.first_half_kg_minor,
                            next_half_kg_minor = EXCLUDED.next_half_kg_minor, min_charge_minor = EXCLUDED.min_charge_minor,
                            eta_min_days = EXCLUDED.eta_min_days, eta_max_days = EXCLUDED.eta_max_days,
                            max_parcel_grams = EXCLUDED.max_parcel_grams,
                            restricted_categories = EXCLUDED.restricted_categories,
                            restricted_keywords = EXCLUDED.restricted_keywords,
                            insurance_offered = EXCLUDED.insurance_offered, enabled = EXCLUDED.enabled,
                            updated_at = now(), updated_by = EXCLUDED.updated_by""")
                .param("method", line.method().name())
                .param("name", line.name())
                .param("countries", line.countries().toArray(String[]::new))
                .param("first", line.firstHalfKg())
                .param("next", line.nextHalfKg())
                .param("min", line.minCharge())
                .param("etaMin", line.etaMinDays())
                .param("etaMax", line.etaMaxDays())
                .param("max", line.maxParcelGrams())
                .param("categories", line.restrictedCategories().toArray(String[]::new))
                .param("keywords", line.restrictedKeywords().toArray(String[]::new))
                .param("insurance", line.insuranceOffered())
                .param("enabled", line.enabled())
                .param("by", by)
                .update();
        kept.clear();
    }

    private DeliveryLine map(ResultSet rs, int row) throws SQLException {
        return new DeliveryLine(
                DeliveryMethod.valueOf(rs.getString("method")),
                rs.getString("name"),
                strings(rs.getArray("countries")),
                rs.getLong("first_half_kg_minor"),
                rs.getLong("next_half_kg_minor"),
                rs.getLong("min_charge_minor"),
                rs.getInt("eta_min_days"),
                rs.getInt("eta_max_days"),
                rs.getInt("max_parcel_grams"),
                strings(rs.getArray("restricted_categories")),
                strings(rs.getArray("restricted_keywords")),
                rs.getBoolean("insurance_offered"),
                rs.getBoolean("enabled"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Collections.unmodifiableList(Arrays.asList((String[]) array.getArray()));
    }
}
