package dev.silkway.ingestion.marketplace.taobao;

/** TOP's {@code sign_method} values. */
public enum TopSignMethod {
    MD5("md5"),
    HMAC("hmac"),
    HMAC_SHA256("hmac-sha256");

    private final String wireName;

    TopSignMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
