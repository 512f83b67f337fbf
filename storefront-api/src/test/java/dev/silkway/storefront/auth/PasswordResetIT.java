package dev.silkway.storefront.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import dev.silkway.storefront.TestMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PasswordResetIT extends StorefrontIntegrationTest {

    private static final Pattern TOKEN = Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]{43})");
    private static final String NEW_PASSWORD = "Brand-New-Secret-2026";

    @Test
    void theResetMailReachesTheSmtpServerAndIsReadBackOverImap() {
        var session = Shoppers.signUp(api);

        assertThat(api.post("/api/v1/auth/password-reset", Map.of("email", session.email()), null)
                        .status())
                .isEqualTo(202);

        String token = awaitResetToken(session.email());
        assertThat(api.post(
                                "/api/v1/auth/password-reset/confirm",
                                Map.of("token", token, "newPassword", NEW_PASSWORD),
                                null)
                        .status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", session.email(), "password", NEW_PASSWORD), null)
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", session.email(), "password", Shoppers.PASSWORD), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void confirmingAResetEndsEverySession() {
        var session = Shoppers.signUp(api);
        api.post("/api/v1/auth/password-reset", Map.of("email", session.email()), null);
        String token = awaitResetToken(session.email());

        api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD), null);

        assertThat(api.get("/api/v1/me", session.accessToken()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", session.refreshToken()), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aResetTokenWorksOnlyOnce() {
        var session = Shoppers.signUp(api);
        api.post("/api/v1/auth/password-reset", Map.of("email", session.email()), null);
        String token = awaitResetToken(session.email());

        assertThat(api.post(
                                "/api/v1/auth/password-reset/confirm",
                                Map.of("token", token, "newPassword", NEW_PASSWORD),
                                null)
                        .status())
                .isEqualTo(204);
        var second = api.post(
                "/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "Another-Secret-2027"),
                null);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aResetTokenExpiresAfterThirtyMinutes() {
        var session = Shoppers.signUp(api);
        api.post("/api/v1/auth/password-reset", Map.of("email", session.email()), null);
        String token = awaitResetToken(session.email());

        clock.advance(Duration.ofMinutes(31));

        assertThat(api.post(
                                "/api/v1/auth/password-reset/confirm",
                                Map.of("token", token, "newPassword", NEW_PASSWORD),
                                null)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aResetRequestForAnUnknownEmailAnswers202AndSendsNothing() {
        String unknown = Shoppers.uniqueEmail();

        assertThat(api.post("/api/v1/auth/password-reset", Map.of("email", unknown), null)
                        .status())
                .isEqualTo(202);
        assertThat(jdbc.sql("SELECT count(*) FROM password_reset_tokens")
                        .query(Long.class)
                        .single())
                .isNotNegative();
        assertThat(TestMail.readOverImap(unknown)).isEmpty();
    }

    @Test
    void aMailThatCannotBeSentIsRetriedAndNeverFailsTheRequest() {
        var session = Shoppers.signUp(api);
        TestMail.server().stop();
        try {
            assertThat(api.post("/api/v1/auth/password-reset", Map.of("email", session.email()), null)
                            .status())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(jdbc.sql("""
                                    SELECT attempts FROM notifications
                                    WHERE user_id = ? AND kind = 'PASSWORD_RESET' AND status = 'PENDING' AND last_error IS NOT NULL""")
                                    .param(session.id())
                                    .query(Integer.class)
                                    .optional())
                            .hasValueSatisfying(attempts -> assertThat(attempts).isGreaterThanOrEqualTo(1)));
        } finally {
            TestMail.server().start();
        }
        assertThat(awaitResetToken(session.email())).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = ? AND kind = 'PASSWORD_RESET'"
                                + " AND status = 'SENT' AND secret_params_enc IS NULL")
                        .param(session.id())
                        .query(Long.class)
                        .single())
                .as("sent, and the live token no longer rests in the queue")
                .isEqualTo(1);
    }

    @Test
    void registrationMailsAnEmailVerificationLinkThatVerifiesTheAccount() {
        var session = Shoppers.signUp(api);
        Pattern link = Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]{43})");

        String token = await().atMost(Duration.ofSeconds(20))
                .until(() -> find(TestMail.readOverImap(session.email()), link), t -> t != null);

        assertThat(api.post("/api/v1/auth/verify-email", Map.of("token", token), null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", session.accessToken())
                        .json()
                        .path("emailVerified")
                        .asBoolean())
                .isTrue();
    }

    private static String awaitResetToken(String mailbox) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> find(TestMail.readOverImap(mailbox), TOKEN), t -> t != null);
    }

    private static String find(List<TestMail.Mail> mails, Pattern pattern) {
        String found = null;
        for (TestMail.Mail mail : mails) {
            Matcher m = pattern.matcher(mail.text());
            if (m.find()) {
                found = m.group(1);
            }
        }
        return found;
    }
}
