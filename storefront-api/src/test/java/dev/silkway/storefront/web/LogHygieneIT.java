package dev.silkway.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import dev.silkway.storefront.TestMail;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LogHygieneIT extends StorefrontIntegrationTest {

    @Test
    void logsHoldNoPasswordTokenOrPersonalData(CapturedOutput output) {
        String phone = Shoppers.uniquePhone();
        var shopper = Shoppers.signUp(api, Shoppers.uniqueEmail(), "Тамара Логова", phone);
        api.post("/api/v1/me/addresses", Shoppers.moscowAddress(), shopper.accessToken());
        api.post("/api/v1/auth/login", Map.of("email", shopper.email(), "password", "Wrong-Password-77"), null);
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", shopper.refreshToken()), null);
        api.post("/api/v1/auth/password-reset", Map.of("email", shopper.email()), null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestMail.readOverImap(shopper.email()).stream()
                        .anyMatch(m -> m.text().contains("reset-password?token=")));

        // GreenMail (the test's own SMTP server, not the application) logs the mailboxes it creates.
        String applicationLog = output.getAll()
                .lines()
                .filter(line -> !line.contains(" UserManager - "))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(applicationLog)
                .doesNotContain(shopper.email())
                .doesNotContain(Shoppers.PASSWORD)
                .doesNotContain("Wrong-Password-77")
                .doesNotContain(shopper.accessToken())
                .doesNotContain(shopper.refreshToken())
                .doesNotContain(phone)
                .doesNotContain("Тамара")
                .doesNotContain("Тверская")
                .doesNotContain("reset-password?token=");
    }
}
