package dev.silkway.storefront.quote;

import java.util.List;
import java.util.Map;

/** Parcels of a proposed split, what it saves against one parcel and the quote's total when split. */
public record SplitProposal(List<SplitParcel> parcels, long saving, long total) {

    /** International delivery of every parcel together. */
    public long delivery() {
        return parcels.stream().mapToLong(SplitParcel::delivery).sum();
    }

    public long duty() {
        return parcels.stream().mapToLong(SplitParcel::duty).sum();
    }

    /** One parcel: units per SKU, goods value, its delivery and its duty, and their sum (kopecks). */
    public record SplitParcel(Map<Long, Integer> units, long goods, long delivery, long duty, long total) {}
}
