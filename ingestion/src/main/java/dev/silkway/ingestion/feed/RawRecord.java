package dev.silkway.ingestion.feed;

/** One record exactly as a feed yielded it; {@link #key()} is its Kafka key. */
public record RawRecord(String feedCode, String externalId, String json, int page, int position) {

    public String key() {
        return feedCode + ":" + externalId;
    }
}
