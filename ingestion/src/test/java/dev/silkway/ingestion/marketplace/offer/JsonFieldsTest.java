package dev.silkway.ingestion.marketplace.offer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.ingestion.marketplace.common.Marketplace;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static ParseOutcome<Offer> parse(String json) {
        RawOffer raw = new RawOffer(Marketplace.TAOBAO, "1", json, 1, 0);
        return OfferParsing.guarded(raw, item -> {
            JsonFields.text(item, "title", new TextPolicy(20));
            JsonFields.yuan(item, "price");
            JsonFields.optionalStock(item, "stock");
            throw RecordRejected.invalid("$", "reached the end");
        });
    }

    @Test
    void keepsIdsBeyond2Pow53Exact() {
        var item = Json.read("{\"id\":9007199254740993,\"big\":123456789012345678901234}");
        assertThat(JsonFields.id(item, "id")).isEqualTo("9007199254740993");
        assertThat(JsonFields.id(item, "big")).isEqualTo("123456789012345678901234");
    }

    @Test
    void readsYuanStringsAndNumbersExactly() {
        var item = Json.read("{\"a\":\"59.90\",\"b\":0.1,\"c\":\"12\"}");
        assertThat(JsonFields.yuan(item, "a")).isEqualTo(5990);
        assertThat(JsonFields.yuan(item, "b")).isEqualTo(10);
        assertThat(JsonFields.yuan(item, "c")).isEqualTo(1200);
    }

    @Test
    void rejectsEachKindOfBadRecordWithAPreciseReason() {
        assertThat(reason("not json")).isEqualTo(RejectionReason.UNPARSEABLE_JSON);
        assertThat(reason("[1]")).isEqualTo(RejectionReason.WRONG_TYPE);
        assertThat(reason("{\"title\":\"ok\"}")).isEqualTo(RejectionReason.MISSING_PRICE);
        assertThat(reason("{\"title\":\"ok\",\"price\":\"-1.00\"}")).isEqualTo(RejectionReason.NEGATIVE_PRICE);
        assertThat(reason("{\"title\":\"ok\",\"price\":\"1.999\"}")).isEqualTo(RejectionReason.INVALID_VALUE);
        assertThat(reason("{\"title\":\"ok\",\"price\":\"1\",\"stock\":-3}")).isEqualTo(RejectionReason.NEGATIVE_STOCK);
        assertThat(reason("{\"title\":42,\"price\":\"1\"}")).isEqualTo(RejectionReason.WRONG_TYPE);
        assertThat(reason("{\"title\":\"" + "长".repeat(21) + "\"}")).isEqualTo(RejectionReason.OVERSIZED_TEXT);
        assertThat(reason("{\"title\":\"a\\u0001b\"}")).isEqualTo(RejectionReason.CONTROL_CHARACTERS);
        assertThat(reason("{\"title\":\"ok\",\"price\":\"1\",\"stock\":\"x\"}")).isEqualTo(RejectionReason.WRONG_TYPE);
    }

    @Test
    void rejectsABrokenNestedJsonString() {
        var item = Json.read("{\"properties\":\"{\\\"尺码\\\":\\\"42\"}");
        var outcome = OfferParsing.guarded(new RawOffer(Marketplace.POIZON, "1", item.toString(), 1, 0), node -> {
            JsonFields.nestedJson(node, "properties");
            throw RecordRejected.invalid("$", "unreachable");
        });
        assertThat(((ParseOutcome.Rejected<Offer>) outcome).reason()).isEqualTo(RejectionReason.BROKEN_NESTED_JSON);
    }

    private static RejectionReason reason(String json) {
        return ((ParseOutcome.Rejected<Offer>) parse(json)).reason();
    }
}
