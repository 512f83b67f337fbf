package dev.silkway.ingestion.marketplace.offer;

/** A price exactly as received ({@code "59.90"} yuan, {@code 5990} fen), kept beside the normalized fen amount. */
public record OriginalPrice(String value, PriceUnit unit) {}
