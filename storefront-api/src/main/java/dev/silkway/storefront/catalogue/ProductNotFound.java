package dev.silkway.storefront.catalogue;

final class ProductNotFound extends RuntimeException {

    private ProductNotFound(String message) {
        super(message, null, false, false);
    }

    static ProductNotFound forId(String id) {
        return new ProductNotFound("No product " + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + ".");
    }
}
