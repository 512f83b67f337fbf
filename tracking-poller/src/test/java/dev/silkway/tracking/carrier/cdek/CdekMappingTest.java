package dev.silkway.tracking.carrier.cdek;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.SubStatus;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CdekMappingTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "CREATED, INFO_RECEIVED, -",
                "ACCEPTED, INFO_RECEIVED, -",
                "RECEIVED_AT_SHIPMENT_WAREHOUSE, IN_TRANSIT, " + SubStatus.PICKED_UP,
                "SENT_TO_RECIPIENT_CITY, IN_TRANSIT, " + SubStatus.DEPARTURE,
                "ACCEPTED_IN_RECIPIENT_CITY, IN_TRANSIT, " + SubStatus.ARRIVED_DESTINATION_CITY,
                "ACCEPTED_AT_PICK_UP_POINT, AVAILABLE_FOR_PICKUP, -",
                "TAKEN_BY_COURIER, OUT_FOR_DELIVERY, -",
                "NOT_DELIVERED, ATTEMPT_FAIL, " + SubStatus.ADDRESSEE_ABSENT,
                "DELIVERED, DELIVERED, -",
                "IN_CUSTOMS_LOCAL, IN_TRANSIT, " + SubStatus.CUSTOMS_PROCESSING,
                "CUSTOMS_COMPLETE, IN_TRANSIT, " + SubStatus.CUSTOMS_RELEASED,
                "INVALID, EXCEPTION, -",
                "LOST, EXCEPTION, " + SubStatus.LOST,
                "SOME_NEW_CODE, IN_TRANSIT, -"
            })
    void mapsEachStatusCodeOntoTheNormalizedModel(String code, TrackingStatus status, String subStatus) {
        assertThat(CdekMapping.of(code)).isEqualTo(new CdekMapping.Mapped(status, subStatus));
    }

    @Test
    void readsStatusesWithCdeksOffsetTimesKeepingCodeNameAndCity() {
        var entity = CdekOrders.JSON.readTree("""
                {"statuses":[
                  {"code":"DELIVERED","name":"Вручен","date_time":"2026-12-05T12:30:00+0300","city":"Москва"},
                  {"code":"CREATED","name":"Создан","date_time":"2026-12-01T09:00:00.250+0300","city":"Москва"}]}""");

        List<CarrierEvent> events = CdekOrders.events(entity);

        assertThat(events)
                .extracting(CarrierEvent::occurredAt)
                .containsExactly(Instant.parse("2026-12-05T09:30:00Z"), Instant.parse("2026-12-01T06:00:00.250Z"));
        assertThat(events.getFirst().description()).isEqualTo("Вручен");
        assertThat(events.getFirst().location()).isEqualTo("Москва");
        assertThat(events.getFirst().raw()).contains("\"code\":\"DELIVERED\"");
    }
}
