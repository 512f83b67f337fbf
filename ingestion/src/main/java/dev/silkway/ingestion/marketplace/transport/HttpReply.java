package dev.silkway.ingestion.marketplace.transport;

/** Status and body of one HTTP answer. */
public record HttpReply(int status, String body) {}
