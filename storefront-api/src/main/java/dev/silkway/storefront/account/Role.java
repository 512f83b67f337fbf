package dev.silkway.storefront.account;

/** What an account may do: shop, run the ingestion (OPERATOR), administer (ADMIN, with everything an operator can). */
public enum Role {
    SHOPPER,
    OPERATOR,
    ADMIN
}
