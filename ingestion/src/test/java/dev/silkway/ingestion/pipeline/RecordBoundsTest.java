package dev.silkway.ingestion.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.feed.JsonShape;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import org.junit.jupiter.api.Test;

class RecordBoundsTest {

    private final RecordBounds bounds = new RecordBounds(1000, 4, 5);

    @Test
    void letsARecordWithinEveryBoundThrough() {
        assertThat(bounds.refuse("{\"id\":\"1\",\"skus\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"price\":\"9.90\"}"))
                .isNull();
    }

    @Test
    void refusesARecordLongerThanItsCharacterBound() {
        ParseOutcome.Rejected<CatalogueOffer> refused = bounds.refuse("{\"title\":\"" + "x".repeat(1000) + "\"}");

        assertThat(refused).isNotNull();
        assertThat(refused.reasonCode()).isEqualTo("RECORD_TOO_LARGE");
        assertThat(refused.detail()).contains("more than 1000");
    }

    @Test
    void refusesARecordNestedDeeperThanItsBound() {
        ParseOutcome.Rejected<CatalogueOffer> refused = bounds.refuse("{\"a\":[[[[1]]]]}");

        assertThat(refused).isNotNull();
        assertThat(refused.reasonCode()).isEqualTo("NESTED_TOO_DEEP");
        assertThat(refused.detail()).contains("5 levels");
    }

    @Test
    void refusesARecordWithAnArrayLongerThanItsBound() {
        ParseOutcome.Rejected<CatalogueOffer> refused = bounds.refuse("{\"tags\":[1,2,3,4,5,6]}");

        assertThat(refused).isNotNull();
        assertThat(refused.reasonCode()).isEqualTo("ARRAY_TOO_LONG");
        assertThat(refused.detail()).contains("6 elements");
    }

    @Test
    void measuresTheShapeWithoutCountingWhatIsInsideStrings() {
        JsonShape shape = JsonShape.of("{\"a\":\"[[[,,,\\\"]]]\",\"b\":[true,false,null,-1.5e3]}");

        assertThat(shape.depth()).isEqualTo(2);
        assertThat(shape.widest()).isEqualTo(4);
        assertThat(shape.values()).isEqualTo(9);
    }
}
