package dev.silkway.storefront.profile;

import dev.silkway.storefront.account.PhoneNumbers;
import dev.silkway.storefront.crypto.PiiCipher;
import dev.silkway.storefront.crypto.PiiColumn;
import dev.silkway.storefront.web.NotFound;
import dev.silkway.storefront.web.ValidationFailed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shopper's delivery addresses, every field but the country encrypted. Every query is scoped by
 * the owner, so another user's address is simply not found (404). At most one default: setting a
 * new default clears the old one first, in the same transaction; the first address is the default.
 */
@Service
public class AddressBook {

    public static final int MAX_ADDRESSES = 20;

    private final JdbcClient jdbc;
    private final PiiCipher cipher;

    AddressBook(JdbcClient jdbc, PiiCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The field errors of {@code form} that Bean Validation cannot see (country list, postal format, phone). */
    public List<Map<String, String>> violations(AddressForm form, String prefix) {
        List<Map<String, String>> errors = new ArrayList<>();
        String country = form.country() == null ? "" : form.country().toUpperCase(Locale.ROOT);
        if (!PostalCodes.COUNTRIES.contains(country)) {
            errors.add(Map.of("field", prefix + "country", "message", "must be an ISO 3166-1 alpha-2 code"));
        } else if (PostalCodes.normalize(country, form.postalCode()).isEmpty()) {
            errors.add(Map.of("field", prefix + "postalCode", "message", "is not a valid postal code for " + country));
        }
        if (PhoneNumbers.toE164(form.phone()).isEmpty()) {
            errors.add(Map.of(
                    "field", prefix + "phone", "message", "must be a phone number in international format (E.164)"));
        }
        return errors;
    }

    List<Address> list(UUID userId) {
        return jdbc.sql("SELECT * FROM addresses WHERE user_id = ? ORDER BY created_at, id")
                .param(userId)
                .query(this::map)
                .list();
    }

    @Transactional
    public Address add(UUID userId, AddressForm form) {
        check(form);
        jdbc.sql("SELECT id FROM users WHERE id = ? FOR UPDATE")
                .param(userId)
                .query(UUID.class)
                .single();
        long count = jdbc.sql("SELECT count(*) FROM addresses WHERE user_id = ?")
                .param(userId)
                .query(Long.class)
                .single();
        if (count >= MAX_ADDRESSES) {
            throw ValidationFailed.field("addresses", "at most " + MAX_ADDRESSES + " addresses");
        }
        boolean makeDefault = count == 0 || Boolean.TRUE.equals(form.isDefault());
        if (makeDefault) {
            clearDefault(userId);
        }
        String country = form.country().toUpperCase(Locale.ROOT);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO addresses (id, user_id, label, recipient_name_enc, phone_enc, country, region_enc,
                                               city_enc, street_enc, building_enc, apartment_enc, postal_code_enc,
                                               pii_key_id, is_default)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        userId,
                        label(form),
                        cipher.seal(form.recipientName().strip(), column("recipient_name_enc"), id),
                        cipher.seal(PhoneNumbers.toE164(form.phone()).orElseThrow(), column("phone_enc"), id),
                        country,
                        cipher.seal(form.region().strip(), column("region_enc"), id),
                        cipher.seal(form.city().strip(), column("city_enc"), id),
                        cipher.seal(form.street().strip(), column("street_enc"), id),
                        cipher.seal(form.building().strip(), column("building_enc"), id),
                        cipher.seal(blankToNull(form.apartment()), column("apartment_enc"), id),
                        cipher.seal(
                                PostalCodes.normalize(country, form.postalCode())
                                        .orElseThrow(),
                                column("postal_code_enc"),
                                id),
                        cipher.activeKeyId(),
                        makeDefault)
                .update();
        return get(userId, id);
    }

    @Transactional
    Address replace(UUID userId, UUID id, AddressForm form) {
        check(form);
        Address current = get(userId, id);
        if (Boolean.TRUE.equals(form.isDefault()) && !current.isDefault()) {
            clearDefault(userId);
        }
        boolean makeDefault = current.isDefault() || Boolean.TRUE.equals(form.isDefault());
        String country = form.country().toUpperCase(Locale.ROOT);
        jdbc.sql("""
                        UPDATE addresses SET label = ?, recipient_name_enc = ?, phone_enc = ?, country = ?, region_enc = ?,
                               city_enc = ?, street_enc = ?, building_enc = ?, apartment_enc = ?, postal_code_enc = ?,
                               pii_key_id = ?, pii_aad_bound = true, is_default = ?, updated_at = now(),
                               version = version + 1
                        WHERE id = ? AND user_id = ?""")
                .params(
                        label(form),
                        cipher.seal(form.recipientName().strip(), column("recipient_name_enc"), id),
                        cipher.seal(PhoneNumbers.toE164(form.phone()).orElseThrow(), column("phone_enc"), id),
                        country,
                        cipher.seal(form.region().strip(), column("region_enc"), id),
                        cipher.seal(form.city().strip(), column("city_enc"), id),
                        cipher.seal(form.street().strip(), column("street_enc"), id),
                        cipher.seal(form.building().strip(), column("building_enc"), id),
                        cipher.seal(blankToNull(form.apartment()), column("apartment_enc"), id),
                        cipher.seal(
                                PostalCodes.normalize(country, form.postalCode())
                                        .orElseThrow(),
                                column("postal_code_enc"),
                                id),
                        cipher.activeKeyId(),
                        makeDefault,
                        id,
                        userId)
                .update();
        return get(userId, id);
    }

    /** Deletes; when the default goes, the oldest remaining address becomes the default. */
    @Transactional
    void delete(UUID userId, UUID id) {
        Address current = get(userId, id);
        jdbc.sql("DELETE FROM addresses WHERE id = ? AND user_id = ?")
                .params(id, userId)
                .update();
        if (current.isDefault()) {
            jdbc.sql("""
                            UPDATE addresses SET is_default = true WHERE id =
                                (SELECT id FROM addresses WHERE user_id = ? ORDER BY created_at, id LIMIT 1)""").param(userId).update();
        }
    }

    /** The shopper's address; another user's or a deleted one is not found (404). */
    public Address get(UUID userId, UUID id) {
        return jdbc.sql("SELECT * FROM addresses WHERE id = ? AND user_id = ?")
                .params(id, userId)
                .query(this::map)
                .optional()
                .orElseThrow(() -> NotFound.of("address"));
    }

    /**
     * The country of the shopper's address, without decrypting the rest (a quote needs no more); another
     * user's or a deleted one is not found (404).
     */
    public String countryOf(UUID userId, UUID id) {
        return jdbc.sql("SELECT country FROM addresses WHERE id = ? AND user_id = ?")
                .params(id, userId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> NotFound.of("address"));
    }

    private void check(AddressForm form) {
        var errors = violations(form, "");
        if (!errors.isEmpty()) {
            throw ValidationFailed.fields(errors);
        }
    }

    private void clearDefault(UUID userId) {
        jdbc.sql("UPDATE addresses SET is_default = false WHERE user_id = ? AND is_default")
                .param(userId)
                .update();
    }

    private static String label(AddressForm form) {
        return form.label() == null || form.label().isBlank()
                ? "Address"
                : form.label().strip();
    }

    private static PiiColumn column(String name) {
        return PiiColumn.of("addresses", name);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Address map(ResultSet rs, int row) throws SQLException {
        String key = rs.getString("pii_key_id");
        UUID id = rs.getObject("id", UUID.class);
        return new Address(
                id,
                rs.getString("label"),
                cipher.open(rs.getBytes("recipient_name_enc"), key, column("recipient_name_enc"), id),
                cipher.open(rs.getBytes("phone_enc"), key, column("phone_enc"), id),
                rs.getString("country"),
                cipher.open(rs.getBytes("region_enc"), key, column("region_enc"), id),
                cipher.open(rs.getBytes("city_enc"), key, column("city_enc"), id),
                cipher.open(rs.getBytes("street_enc"), key, column("street_enc"), id),
                cipher.open(rs.getBytes("building_enc"), key, column("building_enc"), id),
                cipher.open(rs.getBytes("apartment_enc"), key, column("apartment_enc"), id),
                cipher.open(rs.getBytes("postal_code_enc"), key, column("postal_code_enc"), id),
                rs.getBoolean("is_default"));
    }
}
