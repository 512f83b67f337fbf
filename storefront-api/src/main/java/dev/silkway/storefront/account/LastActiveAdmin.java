package dev.silkway.storefront.account;

import dev.silkway.storefront.web.ApiException;
import org.springframework.http.HttpStatus;

/** 409: the change would leave no active admin (taking ADMIN from, or blocking, the last one). */
public class LastActiveAdmin extends ApiException {

    private LastActiveAdmin(String detail) {
        super(HttpStatus.CONFLICT, "last-active-admin", "The last active admin", detail);
    }

    static LastActiveAdmin keepsAdmin() {
        return new LastActiveAdmin("The last active admin cannot lose the ADMIN role.");
    }

    static LastActiveAdmin staysActive() {
        return new LastActiveAdmin("The last active admin cannot be blocked.");
    }
}
