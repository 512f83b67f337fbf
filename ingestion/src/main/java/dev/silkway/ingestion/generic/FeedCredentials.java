package dev.silkway.ingestion.generic;

import org.jspecify.annotations.Nullable;

/** The secret part of a feed's auth: the API key, or the HMAC key id and secret. Never logged, never returned. */
record FeedCredentials(@Nullable String key, @Nullable String secret) {

    static final FeedCredentials NONE = new FeedCredentials(null, null);

    boolean isEmpty() {
        return key == null && secret == null;
    }

    @Override
    public String toString() {
        return "FeedCredentials[redacted]";
    }
}
