package dev.silkway.storefront.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code silkway.catalogue.lazy-translation.*}: how long a product page waits for the translation of its
 * description and SKU attributes on first view ({@code deadline}; past it the page answers with the original and
 * the translation finishes in the background), and how many products are translated at once ({@code in-flight};
 * a view beyond it answers with the original and a later view translates).
 */
@Validated
@ConfigurationProperties("silkway.catalogue.lazy-translation")
record LazyTranslationProperties(
        @DefaultValue("800ms") Duration deadline,
        @DefaultValue("16") @Min(1) @Max(256) int inFlight) {}
