package dev.silkway.storefront.money;

import dev.silkway.storefront.web.ApiException;
import org.springframework.http.HttpStatus;

/** 503: checkout cannot price anything before the first CBR rate of a currency is ingested. */
public class NoExchangeRate extends ApiException {

    private NoExchangeRate(String currency) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "no-exchange-rate",
                "No exchange rate",
                "There is no CBR rate for " + currency + " yet; try again later.");
    }

    static NoExchangeRate forCurrency(String currency) {
        return new NoExchangeRate(currency);
    }
}
