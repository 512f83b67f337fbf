package dev.silkway.tracking.poll;

import dev.silkway.tracking.carrier.CarrierApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The carrier APIs this poller has clients for, by carriers.tracking_api: one client per API; where a
 * second is declared for the same API (a test's double of the outside platform) the primary one wins.
 */
final class CarrierApis {

    private final Map<String, CarrierApi> byApi = new HashMap<>();

    CarrierApis(List<CarrierApi> apis, Predicate<CarrierApi> primary) {
        for (CarrierApi api : apis) {
            CarrierApi other = byApi.get(api.api());
            if (other == null || (primary.test(api) && !primary.test(other))) {
                byApi.put(api.api(), api);
            } else if (!primary.test(other)) {
                throw new IllegalStateException("Two clients for carrier API " + api.api() + " and neither is primary");
            }
        }
    }

    CarrierApi get(String api) {
        CarrierApi carrier = byApi.get(api);
        if (carrier == null) {
            throw new IllegalArgumentException("No client for carrier API " + api);
        }
        return carrier;
    }

    Set<String> names() {
        return Set.copyOf(byApi.keySet());
    }
}
