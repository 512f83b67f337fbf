package dev.silkway.storefront.web;

import org.springframework.http.HttpStatus;

/** 404: also the answer for another user's resource, so ids cannot be probed. */
public class NotFound extends ApiException {

    private NotFound(String what) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such " + what + ".");
    }

    public static NotFound of(String what) {
        return new NotFound(what);
    }
}
