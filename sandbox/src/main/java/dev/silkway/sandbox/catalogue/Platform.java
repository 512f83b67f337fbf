package dev.silkway.sandbox.catalogue;

/** The simulated marketplaces; the ordinal is mixed into every seed so their catalogues differ. */
public enum Platform {
    TAOBAO,
    JD,
    ALIBABA_1688,
    POIZON,
    PINDUODUO
}
