package dev.silkway.storefront.admin;

import dev.silkway.storefront.web.ApiException;
import org.springframework.http.HttpStatus;

/** 409: an alias names another brand already, or the brand is itself another brand's alias. */
class BrandAliasTaken extends ApiException {

    private BrandAliasTaken(String detail) {
        super(HttpStatus.CONFLICT, "brand-alias-taken", "Brand alias taken", detail);
    }

    static BrandAliasTaken byOtherBrand(String alias, String brand) {
        return new BrandAliasTaken("The alias '" + alias + "' belongs to the brand '" + brand + "'.");
    }

    static BrandAliasTaken namesABrandWithAliases(String brand) {
        return new BrandAliasTaken("The brand '" + brand + "' has aliases of its own: move them to this brand first.");
    }

    static BrandAliasTaken brandIsAnAlias(String brand) {
        return new BrandAliasTaken(
                "This brand is an alias of '" + brand + "': give the aliases to that brand instead.");
    }
}
