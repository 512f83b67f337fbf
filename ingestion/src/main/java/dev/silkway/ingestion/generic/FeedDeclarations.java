package dev.silkway.ingestion.generic;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.catalogue.CatalogueSku;
import dev.silkway.ingestion.egress.FeedAddresses;
import dev.silkway.ingestion.feed.FeedPage;
import dev.silkway.ingestion.feed.RawRecord;
import dev.silkway.ingestion.marketplace.offer.Json;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The facade of declarative feeds: an operator declares a generic-JSON marketplace (validated field by field, its
 * credentials sealed), tries it with a dry run (the first page fetched and mapped, nothing stored), then enables it
 * through the ops API like any feed.
 */
@Component
public class FeedDeclarations {

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;
    private final GenericFeeds feeds;
    private final FeedAddresses addresses;

    FeedDeclarations(JdbcTemplate jdbc, SecretBox secrets, GenericFeeds feeds, FeedAddresses addresses) {
        this.addresses = addresses;
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.feeds = feeds;
    }

    /** A declared feed as the ops API shows it; the credentials only as whether there are any. */
    public record Declared(
            String code,
            String name,
            String protocol,
            boolean enabled,
            String schedule,
            String timeZone,
            FeedDefinition definition,
            boolean hasCredentials) {}

    /** A field that is wrong in a declaration. */
    public record FieldProblem(String field, String message) {}

    /** A declaration that is refused: invalid (400, with every field) or a taken code (409). */
    public static final class Refused extends RuntimeException {
        private final boolean conflict;
        private final List<FieldProblem> problems;

        private Refused(boolean conflict, String message, List<FieldProblem> problems) {
            super(message, null, false, false);
            this.conflict = conflict;
            this.problems = List.copyOf(problems);
        }

        public boolean conflict() {
            return conflict;
        }

        public List<FieldProblem> problems() {
            return problems;
        }
    }

    /** One mapped item of a dry run: what the merge would store. */
    public record DryRunItem(
            String externalId,
            String title,
            @Nullable String titleEn,
            @Nullable String titleRu,
            @Nullable String brand,
            @Nullable String category,
            @Nullable String categoryPath,
            @Nullable BigDecimal rating,
            long reviewCount,
            long salesCount,
            @Nullable String sourceUrl,
            List<String> images,
            List<DryRunSku> skus) {}

    public record DryRunSku(
            String skuId,
            Map<String, String> attributes,
            long priceMinor,
            String currency,
            String originalAmount,
            String originalUnit,
            @Nullable Integer stock) {}

    /** {@code index}: the record's position on the page. */
    public record DryRunError(int index, @Nullable String externalId, String reason) {}

    public record DryRun(List<DryRunItem> items, List<DryRunError> errors) {}

    @Transactional
    public Declared declare(JsonNode body) {
        DefinitionReader.Result read = DefinitionReader.read(body, addresses::refusal);
        if (read.declaration() == null) {
            throw invalid(read.problems().stream()
                    .map(p -> new FieldProblem(p.field(), p.message()))
                    .toList());
        }
        DefinitionReader.Declaration d = read.declaration();
        SecretBox.Sealed sealed = null;
        if (!d.credentials().isEmpty()) {
            if (!secrets.configured()) {
                throw invalid(List.of(new FieldProblem(
                        "auth", "credentials cannot be stored: no SILKWAY_FEED_SECRET_KEY is configured")));
            }
            Map<String, String> plain = new LinkedHashMap<>();
            if (d.credentials().key() != null) {
                plain.put("key", d.credentials().key());
            }
            if (d.credentials().secret() != null) {
                plain.put("secret", d.credentials().secret());
            }
            sealed = secrets.seal(d.code(), Json.write(plain).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            jdbc.update(
                    "INSERT INTO marketplaces (code, name, protocol, enabled, schedule, schedule_time_zone,"
                            + " feed_definition, feed_secret_enc, feed_secret_key_id)"
                            + " VALUES (?, ?, 'generic-json', false, ?, ?, ?::jsonb, ?, ?)",
                    d.code(),
                    d.name(),
                    d.schedule(),
                    d.timeZone(),
                    Json.write(d.definition()),
                    sealed == null ? null : sealed.value(),
                    sealed == null ? null : sealed.keyId());
        } catch (DuplicateKeyException e) {
            throw new Refused(true, "A marketplace with code " + d.code() + " exists", List.of());
        }
        return new Declared(
                d.code(), d.name(), "generic-json", false, d.schedule(), d.timeZone(), d.definition(), sealed != null);
    }

    /** Fetches and maps the first page of a declared feed; empty if there is no such generic-JSON feed. */
    public java.util.Optional<DryRun> dryRun(String code) {
        return feeds.load(code).map(feed -> {
            FeedPage page = feed.fetch(null);
            List<DryRunItem> items = new ArrayList<>();
            List<DryRunError> errors = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (RawRecord raw : page.records()) {
                @Nullable String id = raw.externalId().isEmpty() ? null : raw.externalId();
                if (id != null && !seen.add(id)) {
                    errors.add(new DryRunError(
                            raw.position(), id, "DUPLICATE_ID: " + id + " appeared earlier on the page"));
                    continue;
                }
                switch (feed.parse(raw)) {
                    case ParseOutcome.Accepted<CatalogueOffer> a -> items.add(item(a.offer()));
                    case ParseOutcome.Rejected<CatalogueOffer> r ->
                        errors.add(new DryRunError(raw.position(), id, r.reasonCode() + ": " + r.detail()));
                }
            }
            return new DryRun(items, errors);
        });
    }

    private static DryRunItem item(CatalogueOffer o) {
        return new DryRunItem(
                o.externalId(),
                o.titleOriginal(),
                o.titleEn(),
                o.titleRu(),
                o.brand(),
                o.categoryExternalId(),
                o.categoryPath(),
                o.rating(),
                o.reviewCount(),
                o.salesCount(),
                o.sourceUrl(),
                o.images(),
                o.skus().stream().map(FeedDeclarations::sku).toList());
    }

    private static DryRunSku sku(CatalogueSku s) {
        return new DryRunSku(
                s.externalId(),
                s.attributes(),
                s.amountMinor(),
                s.currency(),
                s.originalAmount(),
                s.originalUnit(),
                s.quantity());
    }

    private static Refused invalid(List<FieldProblem> problems) {
        return new Refused(false, "The feed declaration has invalid fields", problems);
    }
}
