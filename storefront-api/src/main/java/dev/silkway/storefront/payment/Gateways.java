package dev.silkway.storefront.payment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The {@link PaymentGateway} beans by their {@link PaymentGateway#provider()}. */
@Component
class Gateways {

    private final Map<PaymentProvider, PaymentGateway> byProvider = new EnumMap<>(PaymentProvider.class);

    Gateways(List<PaymentGateway> gateways) {
        for (PaymentGateway gateway : gateways) {
            if (byProvider.put(gateway.provider(), gateway) != null) {
                throw new IllegalStateException("two payment gateways for " + gateway.provider());
            }
        }
    }

    /** The provider's gateway; unavailable (503) when this build has none for it. */
    PaymentGateway of(PaymentProvider provider) {
        PaymentGateway gateway = byProvider.get(provider);
        if (gateway == null) {
            throw PaymentProviderUnavailable.of(provider, "no gateway for this provider is configured", null);
        }
        return gateway;
    }

    List<PaymentGateway> all() {
        return List.copyOf(byProvider.values());
    }
}
