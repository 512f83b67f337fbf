package dev.silkway.storefront.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An address as a shopper sends it (create, replace, or with the registration). Never logged. */
public record AddressForm(
        @Size(max = 64) @Nullable String label,
        @NotBlank @Size(max = 200) String recipientName,
        @NotBlank @Size(max = 32) String phone,

        @NotBlank @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be an ISO 3166-1 alpha-2 code")
        String country,

        @NotBlank @Size(max = 200) String region,
        @NotBlank @Size(max = 200) String city,
        @NotBlank @Size(max = 200) String street,
        @NotBlank @Size(max = 50) String building,
        @Size(max = 50) @Nullable String apartment,
        @NotBlank @Size(max = 16) String postalCode,
        @Nullable Boolean isDefault) {

    public AddressForm asDefault() {
        return new AddressForm(
                label, recipientName, phone, country, region, city, street, building, apartment, postalCode, true);
    }

    @Override
    public String toString() {
        return "AddressForm[hidden]";
    }
}
