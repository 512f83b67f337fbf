package dev.silkway.storefront.fulfilment;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The substitute-or-refund path of a line the partner could not buy: a substitute offered (or, with none, the refund
 * due at once), then accepted (the substitute is bought under its own reference), declined or left to expire (the
 * refund due). Refunds themselves start in the job, through the payments facade.
 */
@Service
class Offers {

    private final Substitutions substitutions;
    private final Purchases purchases;
    private final OrderProgress progress;
    private final FulfilmentProperties properties;
    private final Clock clock;

    Offers(
            Substitutions substitutions,
            Purchases purchases,
            OrderProgress progress,
            FulfilmentProperties properties,
            Clock clock) {
        this.substitutions = substitutions;
        this.purchases = purchases;
        this.progress = progress;
        this.properties = properties;
        this.clock = clock;
    }

    /** After the partner refused {@code refused}: a substitute offered, or the line's refund due. */
    @Transactional(propagation = Propagation.MANDATORY)
    void offerFor(Purchases.Purchase refused) {
        Instant now = clock.instant();
        substitutions
                .candidate(refused.orderLineId())
                .ifPresentOrElse(
                        c -> substitutions.offer(refused, c, now.plus(properties.substitutionWindow())),
                        () -> substitutions.none(refused, now));
    }

    @Transactional
    void accept(UUID orderId, UUID substitutionId) {
        Substitutions.Substitution offer = offered(orderId, substitutionId);
        Instant now = clock.instant();
        substitutions.decide(offer.id(), "ACCEPTED", false, now);
        purchases.createSubstitute(
                orderId,
                offer.orderLineId(),
                "S-" + offer.id(),
                offer.skuId(),
                offer.externalSkuId(),
                offer.unitPriceFen(),
                now);
        progress.advance(orderId);
    }

    @Transactional
    void decline(UUID orderId, UUID substitutionId) {
        Substitutions.Substitution offer = offered(orderId, substitutionId);
        substitutions.decide(offer.id(), "DECLINED", true, clock.instant());
        progress.advance(orderId);
    }

    /** Offers past their time: expired, their lines' refunds due. */
    @Transactional
    int expire(int limit) {
        var expired = substitutions.expired(clock.instant(), limit);
        for (Substitutions.Substitution offer : expired) {
            substitutions.decide(offer.id(), "EXPIRED", true, clock.instant());
            progress.advance(offer.orderId());
        }
        return expired.size();
    }

    private Substitutions.Substitution offered(UUID orderId, UUID substitutionId) {
        Substitutions.Substitution offer = substitutions
                .lock(orderId, substitutionId)
                .orElseThrow(() -> dev.silkway.storefront.web.NotFound.of("substitution"));
        if (!"OFFERED".equals(offer.status()) || offer.skuId() == null) {
            throw FulfilmentProblems.SubstitutionClosed.of(offer.status());
        }
        if (offer.expiresAt() == null || offer.expiresAt().isBefore(clock.instant())) {
            throw FulfilmentProblems.SubstitutionClosed.of("EXPIRED");
        }
        return offer;
    }
}
