package dev.silkway.storefront.catalogue;

/** A query parameter the catalogue cannot accept: a 400 naming it. */
final class InvalidParameter extends RuntimeException {

    private final String parameter;

    private InvalidParameter(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    static InvalidParameter of(String parameter, String message) {
        return new InvalidParameter(parameter, message);
    }

    String parameter() {
        return parameter;
    }
}
