package dev.silkway.storefront.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A delivery line in the admin API (tariff in kopecks, {@code ...Minor}); also what GET answers. */
record DeliveryLineForm(
        @NotNull DeliveryMethod method,
        @NotBlank @Size(max = 100) String name,

        @NotEmpty @Size(max = 20)
        List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO country code") String> countries,

        @NotNull @Min(0) @Max(100_000_000) Long firstHalfKgMinor,
        @NotNull @Min(0) @Max(100_000_000) Long nextHalfKgMinor,
        @NotNull @Min(0) @Max(100_000_000) Long minChargeMinor,
        @NotNull @Min(1) @Max(365) Integer etaMinDays,
        @NotNull @Min(1) @Max(365) Integer etaMaxDays,
        @NotNull @Min(1) @Max(1_000_000) Integer maxParcelGrams,
        @NotNull @Size(max = 100) List<@NotBlank @Size(max = 64) String> restrictedCategories,
        @NotNull @Size(max = 200) List<@NotBlank @Size(max = 64) String> restrictedKeywords,
        @NotNull Boolean insuranceOffered,
        @NotNull Boolean enabled) {

    static DeliveryLineForm of(DeliveryLine line) {
        return new DeliveryLineForm(
                line.method(),
                line.name(),
                line.countries(),
                line.firstHalfKg(),
                line.nextHalfKg(),
                line.minCharge(),
                line.etaMinDays(),
                line.etaMaxDays(),
                line.maxParcelGrams(),
                line.restrictedCategories(),
                line.restrictedKeywords(),
                line.insuranceOffered(),
                line.enabled());
    }

    DeliveryLine toLine() {
        return new DeliveryLine(
                method,
                name.strip(),
                List.copyOf(countries),
                firstHalfKgMinor,
                nextHalfKgMinor,
                minChargeMinor,
                etaMinDays,
                etaMaxDays,
                maxParcelGrams,
                restrictedCategories.stream().map(String::strip).toList(),
                restrictedKeywords.stream()
                        .map(k -> k.strip().toLowerCase(java.util.Locale.ROOT))
                        .toList(),
                insuranceOffered,
                enabled);
    }
}
