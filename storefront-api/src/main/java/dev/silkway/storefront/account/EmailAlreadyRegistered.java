package dev.silkway.storefront.account;

import dev.silkway.storefront.web.ApiException;
import org.springframework.http.HttpStatus;

/** 409 on registration: the (normalized) email belongs to an account already. */
public class EmailAlreadyRegistered extends ApiException {

    private EmailAlreadyRegistered() {
        super(HttpStatus.CONFLICT, "email-taken", "Email already registered", "An account with this email exists.");
    }

    static EmailAlreadyRegistered create() {
        return new EmailAlreadyRegistered();
    }
}
