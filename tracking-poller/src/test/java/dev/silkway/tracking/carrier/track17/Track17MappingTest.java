package dev.silkway.tracking.carrier.track17;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.tracking.carrier.SubStatus;
import dev.silkway.tracking.carrier.TrackingStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Track17MappingTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "NotFound_Other, PENDING, -",
                "InfoReceived, INFO_RECEIVED, -",
                "InTransit_PickedUp, IN_TRANSIT, " + SubStatus.PICKED_UP,
                "InTransit_Departure, IN_TRANSIT, " + SubStatus.DEPARTURE,
                "InTransit_Arrival, IN_TRANSIT, " + SubStatus.ARRIVED_DESTINATION_COUNTRY,
                "InTransit_CustomsProcessing, IN_TRANSIT, " + SubStatus.CUSTOMS_PROCESSING,
                "InTransit_CustomsRequiringInformation, IN_TRANSIT, " + SubStatus.CUSTOMS_HELD,
                "InTransit_CustomsReleased, IN_TRANSIT, " + SubStatus.CUSTOMS_RELEASED,
                "InTransit_Other, IN_TRANSIT, -",
                "OutForDelivery_Other, OUT_FOR_DELIVERY, -",
                "AvailableForPickup_Other, AVAILABLE_FOR_PICKUP, -",
                "DeliveryFailure_NoBody, ATTEMPT_FAIL, " + SubStatus.ADDRESSEE_ABSENT,
                "DeliveryFailure_Security, ATTEMPT_FAIL, -",
                "Delivered_Other, DELIVERED, -",
                "Expired_Other, EXPIRED, -",
                "Exception_Returning, EXCEPTION, " + SubStatus.RETURNING,
                "Exception_Lost, EXCEPTION, " + SubStatus.LOST,
                "SomethingNew_Other, IN_TRANSIT, -"
            })
    void mapsEachSubStatusOntoTheNormalizedModel(String code, TrackingStatus status, String subStatus) {
        assertThat(Track17Mapping.of(code)).isEqualTo(new Track17Mapping.Mapped(status, subStatus));
    }
}
