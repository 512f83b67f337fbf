package dev.silkway.storefront.quote;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.silkway.storefront.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A quote in the API (API.md, checkout). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record QuoteView(
        UUID quoteId,
        Instant expiresAt,
        RateView rate,
        RateView eurRate,
        String deliveryMethod,
        String country,
        List<Line> lines,
        Money total,
        int chargeableWeightGrams,
        boolean estimatedWeights,
        List<Quote.Blocked> blockedLines,
        @Nullable Split splitProposal) {

    static QuoteView of(Quote quote) {
        return new QuoteView(
                quote.id(),
                quote.expiresAt(),
                new RateView(
                        "CNY",
                        quote.cny().unitRate().toPlainString(),
                        quote.cny().date().toString()),
                new RateView(
                        "EUR",
                        quote.eur().unitRate().toPlainString(),
                        quote.eur().date().toString()),
                quote.deliveryMethod().name(),
                quote.country(),
                quote.lines().stream()
                        .map(l -> new Line(l.kind().name(), Money.rub(l.amount()), l.detail()))
                        .toList(),
                Money.rub(quote.total()),
                quote.chargeableGrams(),
                quote.estimatedWeights(),
                quote.blocked(),
                quote.split() == null ? null : Split.of(quote.split()));
    }

    record RateView(String currency, String value, String date) {}

    record Line(String kind, Money amount, String detail) {}

    record Split(List<Parcel> parcels, Money saving, Money total) {

        static Split of(SplitProposal split) {
            return new Split(
                    split.parcels().stream()
                            .map(p -> new Parcel(
                                    p.units().entrySet().stream()
                                            .map(e -> new Units(Long.toString(e.getKey()), e.getValue()))
                                            .toList(),
                                    Money.rub(p.goods()),
                                    Money.rub(p.delivery()),
                                    Money.rub(p.duty()),
                                    Money.rub(p.total())))
                            .toList(),
                    Money.rub(split.saving()),
                    Money.rub(split.total()));
        }
    }

    record Parcel(List<Units> lines, Money goods, Money delivery, Money duty, Money total) {}

    record Units(String skuId, int quantity) {}
}
