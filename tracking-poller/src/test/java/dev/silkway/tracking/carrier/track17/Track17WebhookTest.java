package dev.silkway.tracking.carrier.track17;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.tracking.carrier.CarrierWebhook;
import dev.silkway.tracking.carrier.CarrierWebhookRejected;
import dev.silkway.tracking.carrier.TrackedNumber;
import dev.silkway.tracking.carrier.TrackedParcel;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class Track17WebhookTest {

    static final String KEY = "webhook-test-key";
    static final String BODY = """
            {"event":"TRACKING_UPDATED","data":{"number":"EA123456785CN","carrier":3013,"tag":"china-ems",\
            "track_info":{"latest_status":{"status":"InTransit","sub_status":"InTransit_CustomsProcessing"},\
            "tracking":{"providers":[{"provider":{"key":3013,"name":"China EMS"},"events":[\
            {"time_iso":"2026-12-03T10:00:00+03:00","time_utc":"2026-12-03T07:00:00Z","description":"Import customs",\
            "location":"Moscow","stage":"","sub_status":"InTransit_CustomsProcessing"}]}]}}}}""";

    final CarrierWebhook webhook = new CarrierWebhook(List.of(new Track17Webhook(new Track17Properties(
            URI.create("http://localhost:1"),
            KEY,
            3,
            40,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            DataSize.ofKilobytes(1)))));

    @Test
    void aDeliverySignedWithTheKeyGivesItsNumbersEvents() {
        List<TrackedParcel> parcels = webhook.receive("17track", delivery(BODY, sign(BODY, KEY)));

        assertThat(parcels).singleElement().satisfies(parcel -> {
            assertThat(parcel.number()).isEqualTo(new TrackedNumber("china-ems", "EA123456785CN"));
            assertThat(parcel.events()).singleElement().satisfies(event -> {
                assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
                assertThat(event.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
                assertThat(event.subStatus()).isEqualTo("customs_processing");
                assertThat(event.rawStatus()).isEqualTo("InTransit_CustomsProcessing");
            });
        });
    }

    @Test
    void theSignatureIsAcceptedInUpperCaseHexToo() {
        assertThat(webhook.receive("17track", delivery(BODY, sign(BODY, KEY).toUpperCase())))
                .hasSize(1);
    }

    @Test
    void aDeliverySignedWithAnotherKeyOrAlteredOrUnsignedIsRefusedAsForged() {
        for (CarrierWebhook.Delivery forged : List.of(
                delivery(BODY, sign(BODY, "another-key")),
                delivery(BODY.replace("Moscow", "Kazan"), sign(BODY, KEY)),
                new CarrierWebhook.Delivery(BODY.getBytes(StandardCharsets.UTF_8), Map.of(), "127.0.0.1"))) {
            assertThatThrownBy(() -> webhook.receive("17track", forged))
                    .isInstanceOf(CarrierWebhookRejected.class)
                    .extracting(e -> ((CarrierWebhookRejected) e).reason())
                    .isEqualTo(CarrierWebhookRejected.Reason.FORGED);
        }
    }

    @Test
    void otherEventsGiveNothingAndAnUnknownCarrierIsRefused() {
        String stopped = "{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"EA123456785CN\"}}";
        assertThat(webhook.receive("17track", delivery(stopped, sign(stopped, KEY))))
                .isEmpty();
        assertThatThrownBy(() -> webhook.receive("dhl", delivery(BODY, sign(BODY, KEY))))
                .isInstanceOf(CarrierWebhookRejected.class)
                .extracting(e -> ((CarrierWebhookRejected) e).reason())
                .isEqualTo(CarrierWebhookRejected.Reason.UNKNOWN_CARRIER);
    }

    static CarrierWebhook.Delivery delivery(String body, String sign) {
        return new CarrierWebhook.Delivery(body.getBytes(StandardCharsets.UTF_8), Map.of("Sign", sign), "127.0.0.1");
    }

    /** Computed independently of the receiver: SHA-256 over the whole text "body/key". */
    static String sign(String body, String key) {
        try {
            return HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest((body + "/" + key).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
