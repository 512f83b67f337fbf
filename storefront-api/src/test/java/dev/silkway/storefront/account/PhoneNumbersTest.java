package dev.silkway.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void normalizesToE164() {
        assertThat(PhoneNumbers.toE164("+7 (916) 123-45-67")).hasValue("+79161234567");
        assertThat(PhoneNumbers.toE164("8 916 123 45 67")).hasValue("+79161234567");
        assertThat(PhoneNumbers.toE164("+375 29 123 45 67")).hasValue("+375291234567");
    }

    @Test
    void refusesWhatIsNotAnInternationalNumber() {
        assertThat(PhoneNumbers.toE164("9161234567")).isEmpty();
        assertThat(PhoneNumbers.toE164("+0123456789")).isEmpty();
        assertThat(PhoneNumbers.toE164("+7916123456789012")).isEmpty();
        assertThat(PhoneNumbers.toE164("call me")).isEmpty();
    }
}
