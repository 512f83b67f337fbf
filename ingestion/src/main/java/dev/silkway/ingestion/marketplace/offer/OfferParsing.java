package dev.silkway.ingestion.marketplace.offer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Runs a record mapping so that nothing escapes: every failure becomes a {@link ParseOutcome.Rejected}. */
public final class OfferParsing {

    private OfferParsing() {}

    public static ParseOutcome<Offer> guarded(RawOffer raw, Function<JsonNode, Offer> mapping) {
        JsonNode item;
        try {
            item = Json.read(raw.rawJson());
        } catch (JacksonException e) {
            return new ParseOutcome.Rejected<>(RejectionReason.UNPARSEABLE_JSON, "$", "the record is not JSON");
        }
        if (!item.isObject()) {
            return RecordRejected.wrongType("$", "an object", item.getNodeType().name())
                    .toOutcome();
        }
        try {
            return new ParseOutcome.Accepted<>(mapping.apply(item));
        } catch (RecordRejected e) {
            return e.toOutcome();
        } catch (ArithmeticException | IllegalArgumentException e) {
            return new ParseOutcome.Rejected<>(
                    RejectionReason.INVALID_VALUE, "$", e.getClass().getSimpleName());
        }
    }

    /** Parses a page in order and rejects every repeated external id after its first occurrence. */
    public static List<ParseOutcome<Offer>> parsePage(List<RawOffer> raws, OfferParser parser) {
        List<ParseOutcome<Offer>> outcomes = new ArrayList<>(raws.size());
        Set<String> seen = new HashSet<>();
        for (RawOffer raw : raws) {
            if (!raw.externalId().isEmpty() && !seen.add(raw.externalId())) {
                outcomes.add(new ParseOutcome.Rejected<>(
                        RejectionReason.DUPLICATE_ID,
                        "$",
                        "id " + raw.externalId() + " appears more than once on page " + raw.page()));
            } else {
                outcomes.add(parser.parse(raw));
            }
        }
        return outcomes;
    }
}
