package dev.silkway.ingestion.marketplace.common;

/** The marketplaces that have a built-in connector; {@link #code()} is the stable key used in Kafka keys and tables. */
public enum Marketplace {
    TAOBAO("taobao", "Taobao / Tmall"),
    JD("jd", "JD.com (JD Union)"),
    ALIBABA_1688("1688", "1688.com"),
    POIZON("poizon", "Poizon / Dewu"),
    PINDUODUO("pinduoduo", "Pinduoduo");

    private final String code;
    private final String displayName;

    Marketplace(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }
}
