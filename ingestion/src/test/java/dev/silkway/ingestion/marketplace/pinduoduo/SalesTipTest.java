package dev.silkway.ingestion.marketplace.pinduoduo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesTipTest {

    @Test
    void readsSalesTips() {
        assertThat(SalesTip.parse("10万+")).isEqualTo(100_000L);
        assertThat(SalesTip.parse("3.2万")).isEqualTo(32_000L);
        assertThat(SalesTip.parse("856")).isEqualTo(856L);
        assertThat(SalesTip.parse("很多")).isNull();
    }
}
