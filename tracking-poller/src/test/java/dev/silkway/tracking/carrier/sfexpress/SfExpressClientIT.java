package dev.silkway.tracking.carrier.sfexpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.tracking.carrier.AgainstCarrierSandbox;
import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.CarrierSandbox;
import dev.silkway.tracking.carrier.CarrierUnavailable;
import dev.silkway.tracking.carrier.SubStatus;
import dev.silkway.tracking.carrier.TrackedNumber;
import dev.silkway.tracking.carrier.TrackedParcel;
import dev.silkway.tracking.carrier.TrackingBatch;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class SfExpressClientIT extends AgainstCarrierSandbox {

    @Test
    void tracksTenNumbersPerRequestWithDigestSignedFormsAndRoutesInBeijingTime() {
        SfExpressClient client = client("sandbox-sf-checkword", Duration.ofSeconds(15));
        List<TrackedNumber> numbers = SANDBOX.finishedJourneys("sf-ten", 10, "sf-express", "russian-post").stream()
                .map(legs -> new TrackedNumber("sf-express", legs.getFirst()))
                .toList();

        TrackingBatch batch = paced(() -> client.track(numbers));

        assertThat(batch.unknown()).isEmpty();
        assertThat(batch.parcels()).extracting(TrackedParcel::number).containsExactlyElementsOf(numbers);
        List<CarrierEvent> all = new ArrayList<>();
        for (TrackedParcel parcel : batch.parcels()) {
            List<CarrierEvent> events = parcel.events().stream()
                    .sorted(Comparator.comparing(CarrierEvent::occurredAt))
                    .toList();
            assertThat(events.getFirst().status()).isEqualTo(TrackingStatus.INFO_RECEIVED);
            assertThat(events.get(1).rawStatus()).isEqualTo("50");
            assertThat(events.get(1).subStatus()).isEqualTo(SubStatus.PICKED_UP);
            all.addAll(events);
        }
        assertThat(all)
                .extracting(CarrierEvent::subStatus)
                .contains(SubStatus.EXPORT_CUSTOMS, SubStatus.ARRIVED_DESTINATION_COUNTRY, SubStatus.CUSTOMS_RELEASED);
        assertThat(all).extracting(CarrierEvent::rawStatus).contains("627");
        assertThat(all).allSatisfy(e -> assertThat(e.raw()).contains("\"acceptTime\""));
    }

    @Test
    void aNumberWithoutRoutesIsUnknownAndMoreThanTenAreRefusedBeforeSending() {
        SfExpressClient client = client("sandbox-sf-checkword", Duration.ofSeconds(15));
        TrackedNumber unknown = new TrackedNumber("sf-express", "SF1000000000001");
        assertThat(paced(() -> client.track(List.of(unknown))).unknown()).containsExactly(unknown);

        List<TrackedNumber> eleven = IntStream.range(0, 11)
                .mapToObj(i -> new TrackedNumber("sf-express", "SF10000000000" + (10 + i)))
                .toList();
        assertThatThrownBy(() -> client.track(eleven)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDigestMadeWithAnotherCheckWordOrAServerErrorIsUnavailable() {
        TrackedNumber one = new TrackedNumber("sf-express", "SF1000000000001");
        assertThatThrownBy(() -> paced(
                        () -> client("forged-checkword", Duration.ofSeconds(15)).track(List.of(one))))
                .isInstanceOf(CarrierUnavailable.class)
                .hasMessageContaining("A1006")
                .hasMessageNotContaining("forged-checkword");

        SANDBOX.faults(0, 1, 0, "PT0S");
        assertThatThrownBy(() -> paced(() ->
                        client("sandbox-sf-checkword", Duration.ofSeconds(15)).track(List.of(one))))
                .isInstanceOf(CarrierUnavailable.class)
                .hasMessageContaining("HTTP 502");
    }

    @Test
    void anAnswerSlowerThanItsDeadlineIsUnavailable() {
        SANDBOX.faults(0, 0, 1, "PT3S");
        TrackedNumber one = new TrackedNumber("sf-express", "SF1000000000001");

        assertThatThrownBy(() -> paced(() ->
                        client("sandbox-sf-checkword", Duration.ofMillis(800)).track(List.of(one))))
                .isInstanceOf(CarrierUnavailable.class)
                .hasMessageContaining("did not arrive");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void goingFasterThanTheLimitIsAnsweredWithFlowControlAsARateLimit() {
        SfExpressClient client = client("sandbox-sf-checkword", Duration.ofSeconds(15));
        List<CarrierUnavailable> refusals = CarrierSandbox.burst(
                25, () -> client.track(List.of(new TrackedNumber("sf-express", "SF1000000000001"))));

        assertThat(refusals)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    }

    static SfExpressClient client(String checkWord, Duration timeout) {
        return new SfExpressClient(new SfExpressProperties(
                URI.create(SANDBOX.url() + "/sf-express/std/service"),
                "SANDBOX_SF",
                checkWord,
                10,
                10,
                Duration.ofSeconds(2),
                timeout,
                DataSize.ofMegabytes(4)));
    }
}
