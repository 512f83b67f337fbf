package dev.silkway.ingestion.marketplace.common;

/** Status and body of one HTTP answer. */
public record HttpReply(int status, String body) {}
