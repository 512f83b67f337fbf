package dev.silkway.tracking.carrier.cdek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.silkway.tracking.carrier.AgainstCarrierSandbox;
import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.CarrierSandbox;
import dev.silkway.tracking.carrier.CarrierUnavailable;
import dev.silkway.tracking.carrier.CarrierWebhook;
import dev.silkway.tracking.carrier.CarrierWebhookRejected;
import dev.silkway.tracking.carrier.TrackedNumber;
import dev.silkway.tracking.carrier.TrackedParcel;
import dev.silkway.tracking.carrier.TrackingBatch;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class CdekClientIT extends AgainstCarrierSandbox {

    @Test
    void tracksAnOrderByItsCdekNumberWithATokenFromTheClientCredentials() {
        CdekClient client = client("sandbox-cdek-secret", Duration.ofSeconds(15));
        List<List<String>> journeys = SANDBOX.finishedJourneys("cdek-track", 5, "sf-express", "cdek");
        List<CarrierEvent> all = new ArrayList<>();
        for (List<String> legs : journeys) {
            TrackedNumber number = new TrackedNumber("cdek", legs.get(1));
            TrackingBatch batch = paced(() -> client.track(List.of(number)));
            assertThat(batch.unknown()).isEmpty();
            TrackedParcel parcel = batch.parcels().getFirst();
            assertThat(parcel.number()).isEqualTo(number);
            List<CarrierEvent> events = parcel.events().stream()
                    .sorted(Comparator.comparing(CarrierEvent::occurredAt))
                    .toList();
            assertThat(events.getFirst().rawStatus()).isEqualTo("CREATED");
            assertThat(events.getFirst().status()).isEqualTo(TrackingStatus.INFO_RECEIVED);
            assertThat(events.getLast().status())
                    .isIn(TrackingStatus.DELIVERED, TrackingStatus.EXCEPTION, TrackingStatus.INFO_RECEIVED);
            all.addAll(events);
        }
        assertThat(all).extracting(CarrierEvent::rawStatus).contains("RECEIVED_AT_SHIPMENT_WAREHOUSE", "DELIVERED");
        assertThat(all).extracting(CarrierEvent::location).contains("Владивосток");
    }

    @Test
    void aNumberCdekDoesNotKnowIsUnknown() {
        CdekClient client = client("sandbox-cdek-secret", Duration.ofSeconds(15));
        TrackedNumber number = new TrackedNumber("cdek", "1000000001");

        assertThat(paced(() -> client.track(List.of(number))).unknown()).containsExactly(number);
    }

    @Test
    void takesOneNumberPerRequest() {
        CdekClient client = client("sandbox-cdek-secret", Duration.ofSeconds(15));
        List<TrackedNumber> two = List.of(new TrackedNumber("cdek", "1"), new TrackedNumber("cdek", "2"));

        assertThatThrownBy(() -> client.track(two)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrongCredentialsAndServerErrorsAreUnavailableAndATokenRefusedAsExpiredIsFetchedAgain() {
        TrackedNumber number = new TrackedNumber("cdek", "1000000001");
        assertThatThrownBy(() -> paced(
                        () -> client("wrong-secret", Duration.ofSeconds(15)).track(List.of(number))))
                .isInstanceOf(CarrierUnavailable.class)
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("wrong-secret");

        CdekClient frozen = new CdekClient(
                properties("sandbox-cdek-secret", Duration.ofSeconds(15)), Clock.fixed(Instant.now(), ZoneOffset.UTC));
        assertThat(paced(() -> frozen.track(List.of(number))).unknown()).containsExactly(number);
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> refusedToken(frozen, number));
        assertThat(paced(() -> frozen.track(List.of(number))).unknown()).containsExactly(number);

        SANDBOX.faults(0, 1, 0, "PT0S");
        assertThatThrownBy(() -> paced(() ->
                        client("sandbox-cdek-secret", Duration.ofSeconds(15)).track(List.of(number))))
                .isInstanceOf(CarrierUnavailable.class)
                .hasMessageContaining("HTTP 502");
    }

    @Test
    void anAnswerSlowerThanItsDeadlineIsUnavailable() {
        CdekClient client = client("sandbox-cdek-secret", Duration.ofMillis(800));
        paced(() -> client.track(List.of(new TrackedNumber("cdek", "1000000001"))));
        SANDBOX.faults(0, 0, 1, "PT3S");

        assertThatThrownBy(() -> paced(() -> client.track(List.of(new TrackedNumber("cdek", "1000000001")))))
                .isInstanceOf(CarrierUnavailable.class)
                .hasMessageContaining("did not arrive");
    }

    @Test
    void statusCallbacksComeUnsignedAndTheWebhookTrustsOnlyTheOrderItFetchesAgainFromAnAllowedSource() {
        CdekClient client = client("sandbox-cdek-secret", Duration.ofSeconds(15));
        String uuid = paced(() -> client.subscribe(SANDBOX.hookUrl("/cdek")));
        assertThat(paced(() -> client.subscribe(SANDBOX.hookUrl("/cdek")))).isEqualTo(uuid);
        String number = SANDBOX.journeys("cdek-push", 1, "SEA", "sf-express", "cdek", Instant.now())
                .getFirst()
                .get(1);
        // the order exists from the arrival in Russia, ~3/4 into a SEA journey (13-22 s here); statuses follow
        await().atMost(Duration.ofSeconds(40))
                .ignoreExceptions()
                .until(() -> !paced(() -> client.track(List.of(new TrackedNumber("cdek", number))))
                        .parcels()
                        .isEmpty());

        CarrierSandbox.Callback callback = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> SANDBOX.callbacks().stream()
                                .filter(c -> c.path().equals("/cdek") && new String(c.body()).contains(number))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        CarrierWebhook webhook = new CarrierWebhook(
                List.of(new CdekWebhook(properties("sandbox-cdek-secret", Duration.ofSeconds(15)), client)));
        List<TrackedParcel> parcels = paced(() -> webhook.receive(
                "cdek", new CarrierWebhook.Delivery(callback.body(), callback.headers(), callback.remoteAddress())));

        assertThat(parcels).singleElement().satisfies(p -> {
            assertThat(p.number()).isEqualTo(new TrackedNumber("cdek", number));
            assertThat(p.events()).isNotEmpty();
        });
        assertThatThrownBy(() -> webhook.receive(
                        "cdek", new CarrierWebhook.Delivery(callback.body(), callback.headers(), "203.0.113.7")))
                .isInstanceOf(CarrierWebhookRejected.class)
                .extracting(e -> ((CarrierWebhookRejected) e).reason())
                .isEqualTo(CarrierWebhookRejected.Reason.SOURCE_NOT_ALLOWED);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void goingFasterThanTheLimitIsAnsweredWithTheRateLimit() {
        CdekClient client = client("sandbox-cdek-secret", Duration.ofSeconds(15));
        List<CarrierUnavailable> refusals =
                CarrierSandbox.burst(25, () -> client.track(List.of(new TrackedNumber("cdek", "1000000001"))));

        assertThat(refusals)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    }

    /** Whether the sandbox refused the token the frozen client still believes valid (its lifetime there is 3 s). */
    static boolean refusedToken(CdekClient client, TrackedNumber number) {
        try {
            paced(() -> client.track(List.of(number)));
            return false;
        } catch (CarrierUnavailable e) {
            return e.getMessage().contains("token was refused");
        }
    }

    static CdekClient client(String secret, Duration timeout) {
        return new CdekClient(properties(secret, timeout));
    }

    static CdekProperties properties(String secret, Duration timeout) {
        return new CdekProperties(
                URI.create(SANDBOX.url() + "/cdek/v2"),
                "sandbox-cdek-client",
                secret,
                Duration.ofSeconds(60),
                10,
                List.of("127.0.0.1", "0:0:0:0:0:0:0:1"),
                Duration.ofSeconds(2),
                timeout,
                DataSize.ofMegabytes(4));
    }
}
