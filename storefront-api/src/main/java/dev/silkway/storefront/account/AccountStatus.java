package dev.silkway.storefront.account;

public enum AccountStatus {
    ACTIVE,
    BLOCKED,
    DELETED
}
