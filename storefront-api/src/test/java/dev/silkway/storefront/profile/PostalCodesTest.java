package dev.silkway.storefront.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostalCodesTest {

    @Test
    void russiaAndBelarusHaveSixDigits() {
        assertThat(PostalCodes.normalize("RU", "101000")).hasValue("101000");
        assertThat(PostalCodes.normalize("RU", "10100")).isEmpty();
        assertThat(PostalCodes.normalize("BY", "220 030")).hasValue("220030");
        assertThat(PostalCodes.normalize("BY", "2200301")).isEmpty();
    }

    @Test
    void kazakhstanHasTheNewSevenCharacterCodeOrTheOldSixDigits() {
        assertThat(PostalCodes.normalize("KZ", "a01 p3k4")).hasValue("A01P3K4");
        assertThat(PostalCodes.normalize("KZ", "R00H5A9")).hasValue("R00H5A9");
        assertThat(PostalCodes.normalize("KZ", "050000")).hasValue("050000");
        assertThat(PostalCodes.normalize("KZ", "AA1P3K4")).isEmpty();
    }

    @Test
    void otherCountriesGetAGenericCheck() {
        assertThat(PostalCodes.normalize("DE", "10115")).hasValue("10115");
        assertThat(PostalCodes.normalize("DE", "<script>")).isEmpty();
    }
}
