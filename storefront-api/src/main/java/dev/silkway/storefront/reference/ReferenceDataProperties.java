package dev.silkway.storefront.reference;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long an instance keeps reference data in memory.
 *
 * @param ttl the longest an edit made elsewhere (another instance, ingestion's CBR rates, a migration)
 *     goes unseen here
 */
@Validated
@ConfigurationProperties("silkway.reference-data")
public record ReferenceDataProperties(@DefaultValue("30s") Duration ttl) {

    /** An empty in-memory copy that keeps values for {@link #ttl()}. */
    public <K, V> Expiring<K, V> expiring() {
        return new Expiring<>(ttl);
    }
}
