package dev.silkway.ingestion.marketplace.offer;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects an offer's attributes in the order the marketplace sends them; absent or blank values are skipped. */
public final class OfferAttributes {

    private final List<Offer.Attribute> attributes = new ArrayList<>();

    public OfferAttributes add(String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            attributes.add(new Offer.Attribute(name, value.strip()));
        }
        return this;
    }

    public List<Offer.Attribute> toList() {
        return List.copyOf(attributes);
    }
}
