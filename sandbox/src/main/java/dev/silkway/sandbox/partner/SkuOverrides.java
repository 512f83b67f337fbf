package dev.silkway.sandbox.partner;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a test pins about one marketplace SKU at the partner: sold out, its current price in fen, the size the
 * warehouse measures per unit. Anything left null is drawn from the seed as usual.
 */
@Component
class SkuOverrides {

    record Override(
            @Nullable Boolean soldOut,
            @Nullable Long priceFen,
            @Nullable Integer weightGrams,
            @Nullable Integer lengthCm,
            @Nullable Integer widthCm,
            @Nullable Integer heightCm) {}

    private final Map<String, Override> overrides = new ConcurrentHashMap<>();

    void put(String marketplace, String skuId, Override override) {
        overrides.put(marketplace + "/" + skuId, override);
    }

    Optional<Override> of(String marketplace, String skuId) {
        return Optional.ofNullable(overrides.get(marketplace + "/" + skuId));
    }

    void clear() {
        overrides.clear();
    }
}
