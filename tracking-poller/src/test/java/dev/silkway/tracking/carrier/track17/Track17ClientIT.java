package dev.silkway.tracking.carrier.track17;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.silkway.tracking.carrier.AgainstCarrierSandbox;
import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.CarrierSandbox;
import dev.silkway.tracking.carrier.CarrierUnavailable;
import dev.silkway.tracking.carrier.CarrierWebhook;
import dev.silkway.tracking.carrier.CarrierWebhookRejected;
import dev.silkway.tracking.carrier.SubStatus;
import dev.silkway.tracking.carrier.TrackedNumber;
import dev.silkway.tracking.carrier.TrackedParcel;
import dev.silkway.tracking.carrier.TrackingBatch;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class Track17ClientIT extends AgainstCarrierSandbox {

    @Test
    void registersAndTracksFortyNumbersPerRequestWithEveryLegOfTheJourney() {
        Track17Client client = client("sandbox-17track-key", Duration.ofSeconds(15));
        List<TrackedNumber> numbers = SANDBOX.finishedJourneys("t17-forty", 40, "china-ems", "cdek").stream()
                .map(legs -> new TrackedNumber("china-ems", legs.getFirst()))
                .toList();
        paced(() -> client.register(numbers));
        paced(() -> client.register(numbers));

        TrackingBatch batch = paced(() -> client.track(numbers));

        assertThat(batch.unknown()).isEmpty();
        assertThat(batch.parcels()).hasSize(40);
        for (TrackedParcel parcel : batch.parcels()) {
            assertThat(parcel.number().carrierCode()).isEqualTo("china-ems");
            List<CarrierEvent> events = parcel.events().stream()
                    .sorted(Comparator.comparing(CarrierEvent::occurredAt))
                    .toList();
            assertThat(events.getFirst().status()).isEqualTo(TrackingStatus.INFO_RECEIVED);
            assertThat(events.getFirst().rawStatus()).isEqualTo("InfoReceived");
            assertThat(events).allSatisfy(e -> assertThat(e.raw()).contains("\"sub_status\""));
        }
        List<CarrierEvent> all =
                batch.parcels().stream().flatMap(p -> p.events().stream()).toList();
        assertThat(all)
                .extracting(CarrierEvent::subStatus)
                .contains(
                        SubStatus.PICKED_UP,
                        SubStatus.DEPARTURE,
                        SubStatus.ARRIVED_DESTINATION_COUNTRY,
                        SubStatus.CUSTOMS_PROCESSING,
                        SubStatus.CUSTOMS_RELEASED);
        assertThat(all).extracting(CarrierEvent::location).contains("Guangzhou");
    }

    @Test
    void refusesMoreNumbersThanOneRequestMayCarryBeforeSendingAny() {
        Track17Client client = client("sandbox-17track-key", Duration.ofSeconds(15));
        List<TrackedNumber> numbers = IntStream.range(0, 41)
                .mapToObj(i -> new TrackedNumber("china-ems", "EA0000000" + (10 + i) + "CN"))
                .toList();

        assertThatThrownBy(() -> client.track(numbers)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tellsNumbersItDoesNotKnowOrThatWereNeverRegisteredAsUnknown() {
        Track17Client client = client("sandbox-17track-key", Duration.ofSeconds(15));
        String notRegistered = SANDBOX.finishedJourneys("t17-unregistered", 1, "china-ems", "cdek")
                .getFirst()
                .getFirst();
        List<TrackedNumber> numbers =
                List.of(new TrackedNumber("china-ems", "EZ999999995CN"), new TrackedNumber("china-ems", notRegistered));
        paced(() -> client.register(List.of(numbers.getFirst())));

        TrackingBatch batch = paced(() -> client.track(numbers));

        assertThat(batch.parcels()).isEmpty();
        assertThat(batch.unknown()).containsExactlyElementsOf(numbers);
    }

    @Test
    void answersDuplicatedAndReorderedEventsAsTheyCameAndKnownNumbersSometimesAsUnknown() {
        Track17Client client = client("sandbox-17track-key", Duration.ofSeconds(15));
        List<TrackedNumber> numbers =
                SANDBOX.finishedJourneys("t17-misbehaving", 2, "china-post", "russian-post").stream()
                        .map(legs -> new TrackedNumber("china-post", legs.getFirst()))
                        .toList();
        paced(() -> client.register(numbers));
        SANDBOX.misbehaviour(1, 1, 0);

        List<CarrierEvent> events = paced(() -> client.track(List.of(numbers.getFirst())))
                .parcels()
                .getFirst()
                .events();

        assertThat(events.stream().map(CarrierEvent::raw).distinct().count()).isLessThan(events.size());
        assertThat(events)
                .isNotEqualTo(events.stream()
                        .sorted(Comparator.comparing(CarrierEvent::occurredAt).reversed())
                        .toList());
        SANDBOX.misbehaviour(0, 0, 1);
        assertThat(paced(() -> client.track(List.of(numbers.get(1)))).unknown()).containsExactly(numbers.get(1));
    }

    @Test
    void aRefusedKeyOrAServerErrorIsUnavailableAndTheRateLimitAsksToWait() {
        List<TrackedNumber> one = List.of(new TrackedNumber("china-ems", "EZ999999995CN"));
        assertThatThrownBy(() ->
                        paced(() -> client("forged-key", Duration.ofSeconds(15)).track(one)))
                .isInstanceOf(CarrierUnavailable.class)
                .hasMessageContaining("-18010002");

        SANDBOX.faults(0, 1, 0, "PT0S");
        assertThatThrownBy(() -> paced(() ->
                        client("sandbox-17track-key", Duration.ofSeconds(15)).track(one)))
                .isInstanceOf(CarrierUnavailable.class)
                .hasMessageContaining("HTTP 502")
                .extracting(e -> ((CarrierUnavailable) e).retryAfter())
                .isNull();

        SANDBOX.faults(1, 0, 0, "PT0S");
        assertThatThrownBy(() -> paced(() ->
                        client("sandbox-17track-key", Duration.ofSeconds(15)).track(one)))
                .isInstanceOf(CarrierUnavailable.class)
                .extracting(e -> ((CarrierUnavailable) e).retryAfter())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anAnswerSlowerThanItsDeadlineIsUnavailable() {
        SANDBOX.faults(0, 0, 1, "PT3S");
        List<TrackedNumber> one = List.of(new TrackedNumber("china-ems", "EZ999999995CN"));

        assertThatThrownBy(() -> paced(() ->
                        client("sandbox-17track-key", Duration.ofMillis(800)).track(one)))
                .isInstanceOf(CarrierUnavailable.class)
                .hasMessageContaining("did not arrive");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void goingFasterThanThreeRequestsASecondIsAnsweredWithTheRateLimit() {
        Track17Client client = client("sandbox-17track-key", Duration.ofSeconds(15));
        List<TrackedNumber> one = List.of(new TrackedNumber("china-ems", "EZ999999995CN"));
        List<CarrierUnavailable> refusals = CarrierSandbox.burst(8, () -> client.track(one));

        assertThat(refusals)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(SANDBOX.calls().path("17track").path("limitPerSecond").asDouble())
                .isEqualTo(3.0);
    }

    @Test
    void pushesOfNewEventsAreSignedAndTheWebhookReturnsTheirEventsWhileAForgedOneIsRefused() {
        Track17Client client = client("sandbox-17track-key", Duration.ofSeconds(15));
        String number = SANDBOX.journeys("t17-push", 1, "AIR", "china-ems", "cdek", Instant.now())
                .getFirst()
                .getFirst();
        paced(() -> client.register(List.of(new TrackedNumber("china-ems", number))));
        CarrierWebhook webhook = new CarrierWebhook(
                List.of(new Track17Webhook(properties("sandbox-17track-key", Duration.ofSeconds(5)))));

        CarrierSandbox.Callback push = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> SANDBOX.callbacks().stream()
                                .filter(c -> new String(c.body()).contains(number))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        List<TrackedParcel> parcels = webhook.receive(
                "17track", new CarrierWebhook.Delivery(push.body(), push.headers(), push.remoteAddress()));

        assertThat(parcels).singleElement().satisfies(p -> {
            assertThat(p.number()).isEqualTo(new TrackedNumber("china-ems", number));
            assertThat(p.events()).isNotEmpty();
        });
        Map<String, String> forged = Map.of("sign", "0".repeat(64));
        assertThatThrownBy(
                        () -> webhook.receive("17track", new CarrierWebhook.Delivery(push.body(), forged, "127.0.0.1")))
                .isInstanceOf(CarrierWebhookRejected.class)
                .extracting(e -> ((CarrierWebhookRejected) e).reason())
                .isEqualTo(CarrierWebhookRejected.Reason.FORGED);
    }

    static Track17Client client(String key, Duration timeout) {
        return new Track17Client(properties(key, timeout));
    }

    static Track17Properties properties(String key, Duration timeout) {
        return new Track17Properties(
                URI.create(SANDBOX.url() + "/17track/track/v2.2"),
                key,
                3,
                40,
                Duration.ofSeconds(2),
                timeout,
                DataSize.ofMegabytes(4));
    }
}
