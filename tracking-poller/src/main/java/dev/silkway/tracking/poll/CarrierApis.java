package dev.silkway.tracking.poll;

import dev.silkway.tracking.carrier.CarrierApi;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The carrier APIs this poller has clients for, by carriers.tracking_api. */
final class CarrierApis {

    private final Map<String, CarrierApi> byApi;

    CarrierApis(List<CarrierApi> apis) {
        this.byApi = apis.stream().collect(Collectors.toUnmodifiableMap(CarrierApi::api, Function.identity()));
    }

    CarrierApi get(String api) {
        CarrierApi carrier = byApi.get(api);
        if (carrier == null) {
            throw new IllegalArgumentException("No client for carrier API " + api);
        }
        return carrier;
    }

    Set<String> names() {
        return byApi.keySet();
    }
}
