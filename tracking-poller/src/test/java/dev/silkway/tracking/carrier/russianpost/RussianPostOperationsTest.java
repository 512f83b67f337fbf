package dev.silkway.tracking.carrier.russianpost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.tracking.carrier.TrackingStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RussianPostOperationsTest {

    @ParameterizedTest(name = "{0}.{1} is {2} {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                "1,  1,  IN_TRANSIT,           picked_up",
                "2,  1,  DELIVERED,            -",
                "2,  3,  DELIVERED,            -",
                "2,  2,  EXCEPTION,            returning",
                "3,  1,  EXCEPTION,            returning",
                "3,  7,  EXCEPTION,            returning",
                "4,  2,  IN_TRANSIT,           -",
                "5,  1,  EXCEPTION,            lost",
                "5,  2,  EXCEPTION,            -",
                "6,  3,  AVAILABLE_FOR_PICKUP, -",
                "8,  1,  IN_TRANSIT,           departure",
                "8,  2,  AVAILABLE_FOR_PICKUP, -",
                "8,  3,  IN_TRANSIT,           sorting",
                "8,  13, IN_TRANSIT,           arrived_destination_country",
                "8,  18, OUT_FOR_DELIVERY,     -",
                "8,  34, IN_TRANSIT,           -",
                "9,  0,  IN_TRANSIT,           arrived_destination_country",
                "10, 0,  IN_TRANSIT,           export_customs",
                "11, 0,  IN_TRANSIT,           customs_processing",
                "12, 1,  ATTEMPT_FAIL,         addressee_absent",
                "12, 20, ATTEMPT_FAIL,         -",
                "14, 1,  IN_TRANSIT,           customs_released",
                "14, 2,  EXCEPTION,            returning",
                "14, 4,  EXCEPTION,            customs_held",
                "14, 19, IN_TRANSIT,           customs_held",
                "14, 3,  IN_TRANSIT,           customs_processing",
                "18, 0,  EXCEPTION,            lost",
                "24, 1054, IN_TRANSIT,         customs_held",
                "28, 0,  INFO_RECEIVED,        -",
                "42, 10, ATTEMPT_FAIL,         addressee_absent",
                "99, 1,  IN_TRANSIT,           -"
            })
    void mapsRussianPostOperationsOntoTheNormalizedModel(int type, int attr, TrackingStatus status, String subStatus) {
        RussianPostOperations.Normalized normalized = RussianPostOperations.normalize(type, attr);

        assertThat(normalized.status()).isEqualTo(status);
        assertThat(normalized.subStatus()).isEqualTo(subStatus);
    }
}
