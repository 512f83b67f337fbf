package dev.silkway.ingestion.marketplace.offer;

/** How a platform sent a price: yuan as a decimal string or number, or fen as an integer. */
public enum PriceUnit {
    YUAN,
    FEN
}
