package dev.silkway.tracking.carrier.sfexpress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.tracking.carrier.SubStatus;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SfExpressMappingTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "54, INFO_RECEIVED, -",
                "50, IN_TRANSIT, " + SubStatus.PICKED_UP,
                "30, IN_TRANSIT, " + SubStatus.DEPARTURE,
                "604, IN_TRANSIT, " + SubStatus.EXPORT_CUSTOMS,
                "622, IN_TRANSIT, " + SubStatus.ARRIVED_DESTINATION_COUNTRY,
                "607, IN_TRANSIT, " + SubStatus.CUSTOMS_PROCESSING,
                "608, IN_TRANSIT, " + SubStatus.CUSTOMS_HELD,
                "609, IN_TRANSIT, " + SubStatus.CUSTOMS_RELEASED,
                "627, IN_TRANSIT, " + SubStatus.HANDED_TO_LAST_MILE,
                "648, EXCEPTION, " + SubStatus.RETURNING,
                "44, OUT_FOR_DELIVERY, -",
                "70, ATTEMPT_FAIL, -",
                "80, DELIVERED, -",
                "8000, DELIVERED, -",
                "999, IN_TRANSIT, -"
            })
    void mapsEachOpCodeOntoTheNormalizedModel(String opCode, TrackingStatus status, String subStatus) {
        assertThat(SfExpressMapping.of(opCode)).isEqualTo(new SfExpressMapping.Mapped(status, subStatus));
    }

    @Test
    void theDigestIsBase64OfTheRawMd5OfTheUrlEncodedTextAndAcceptTimeIsBeijingTime() throws Exception {
        String msgData = "{\"trackingNumber\":[\"SF1234567890123\"],\"language\":\"0\"}";
        String encoded = java.net.URLEncoder.encode(msgData + "1700000000000" + "word", "UTF-8");
        byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(encoded.getBytes("UTF-8"));

        assertThat(SfExpressClient.digest(msgData, "1700000000000", "word"))
                .isEqualTo(java.util.Base64.getEncoder().encodeToString(md5))
                .hasSize(24);
        assertThat(SfExpressClient.acceptTime("2026-12-01 16:00:00")).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
    }
}
