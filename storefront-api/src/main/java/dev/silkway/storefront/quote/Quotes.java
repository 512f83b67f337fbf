package dev.silkway.storefront.quote;

import dev.silkway.storefront.delivery.DeliveryMethod;
import dev.silkway.storefront.money.Rate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Stored quotes; a shopper finds only their own. */
@Repository
public class Quotes {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Quotes(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The shopper's quote, expired or not; another shopper's is not found. */
    public Optional<Quote> of(UUID userId, UUID quoteId) {
        return jdbc.sql("SELECT * FROM quotes WHERE id = ? AND user_id = ?")
                .params(quoteId, userId)
                .query(this::map)
                .optional();
    }

    /** Stores the quote under its own id and answers it as stored (instants to the microsecond). */
    Quote save(Quote quote) {
        jdbc.sql("""
                        INSERT INTO quotes (id, user_id, cart_version, address_id, country, delivery_method, insurance,
                            cny_rate, cny_rate_date, eur_rate, eur_rate_date, items, lines, total_minor,
                            chargeable_weight_grams, estimated_weights, blocked, split, created_at, expires_at)
                        VALUES (:id, :user, :version, :address, :country, :method, :insurance, :cny, :cnyDate, :eur, :eurDate,
                            CAST(:items AS jsonb), CAST(:lines AS jsonb), :total, :grams, :estimated,
                            CAST(:blocked AS jsonb), CAST(:split AS jsonb), :created, :expires)""")
                .param("id", quote.id())
                .param("user", quote.userId())
                .param("version", quote.cartVersion())
                .param("address", quote.addressId())
                .param("country", quote.country())
                .param("method", quote.deliveryMethod().name())
                .param("insurance", quote.insurance())
                .param("cny", quote.cny().unitRate())
                .param("cnyDate", quote.cny().date())
                .param("eur", quote.eur().unitRate())
                .param("eurDate", quote.eur().date())
                .param("items", json.writeValueAsString(quote.items()))
                .param("lines", json.writeValueAsString(quote.lines()))
                .param("total", quote.total())
                .param("grams", quote.chargeableGrams())
                .param("estimated", quote.estimatedWeights())
                .param("blocked", json.writeValueAsString(quote.blocked()))
                .param("split", quote.split() == null ? null : json.writeValueAsString(quote.split()))
                .param("created", OffsetDateTime.ofInstant(quote.createdAt(), ZoneOffset.UTC))
                .param("expires", OffsetDateTime.ofInstant(quote.expiresAt(), ZoneOffset.UTC))
                .update();
        return quote;
    }

    private Quote map(ResultSet rs, int row) throws SQLException {
        String split = rs.getString("split");
        return new Quote(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getLong("cart_version"),
                rs.getObject("address_id", UUID.class),
                rs.getString("country"),
                DeliveryMethod.valueOf(rs.getString("delivery_method")),
                rs.getBoolean("insurance"),
                new Rate("CNY", rs.getBigDecimal("cny_rate"), rs.getObject("cny_rate_date", LocalDate.class)),
                new Rate("EUR", rs.getBigDecimal("eur_rate"), rs.getObject("eur_rate_date", LocalDate.class)),
                json.readValue(rs.getString("items"), new TypeReference<List<Quote.Item>>() {}),
                json.readValue(rs.getString("lines"), new TypeReference<List<QuoteLine>>() {}),
                rs.getLong("total_minor"),
                rs.getInt("chargeable_weight_grams"),
                rs.getBoolean("estimated_weights"),
                json.readValue(rs.getString("blocked"), new TypeReference<List<Quote.Blocked>>() {}),
                split == null ? null : json.readValue(split, SplitProposal.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }
}
