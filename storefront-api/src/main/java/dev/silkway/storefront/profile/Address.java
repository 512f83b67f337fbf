package dev.silkway.storefront.profile;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored address, decrypted: the API's address shape. */
public record Address(
        UUID id,
        String label,
        String recipientName,
        String phone,
        String country,
        String region,
        String city,
        String street,
        String building,
        @Nullable String apartment,
        String postalCode,
        boolean isDefault) {

    @Override
    public String toString() {
        return "Address[" + id + "]";
    }
}
