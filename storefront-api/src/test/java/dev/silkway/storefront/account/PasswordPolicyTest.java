package dev.silkway.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesPasswordsShorterThanTenCharacters() {
        assertThat(policy.violation("Abc-12345", "a@b.ru")).isPresent();
        assertThat(policy.violation("Abc-123456", "a@b.ru")).isEmpty();
    }

    @Test
    void refusesTheEmailAsPassword() {
        assertThat(policy.violation("Shopper@Example.ru", "shopper@example.ru")).isPresent();
    }

    @Test
    void refusesTheMostCommonPasswordsInAnyCase() {
        assertThat(policy.violation("1234567890", "a@b.ru")).hasValue("is one of the most common passwords");
        assertThat(policy.violation("QwertyUiop", "a@b.ru")).isPresent();
        assertThat(policy.violation("Correct-Horse-Battery-42", "a@b.ru")).isEmpty();
    }
}
