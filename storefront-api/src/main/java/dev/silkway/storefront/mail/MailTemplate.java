package dev.silkway.storefront.mail;

import java.util.Map;

/** The transactional mails the storefront sends, in Russian or English. */
public enum MailTemplate {
    EMAIL_VERIFICATION("EMAIL_VERIFICATION", "account.email-verification") {
        @Override
        Rendered render(String locale, Map<String, String> p) {
            return "en".equals(locale)
                    ? new Rendered(
                            "Confirm your email",
                            "Welcome to Silkway!\n\nConfirm your email address:\n" + p.get("link")
                                    + "\n\nThe link is valid for 3 days.")
                    : new Rendered(
                            "Подтвердите email",
                            "Добро пожаловать в Silkway!\n\nПодтвердите адрес электронной почты:\n" + p.get("link")
                                    + "\n\nСсылка действительна 3 дня.");
        }
    },
    PASSWORD_RESET("PASSWORD_RESET", "account.password-reset") {
        @Override
        Rendered render(String locale, Map<String, String> p) {
            return "en".equals(locale)
                    ? new Rendered(
                            "Reset your password",
                            "To set a new password, open:\n" + p.get("link")
                                    + "\n\nor use this code: " + p.get("token")
                                    + "\n\nThe link is valid for 30 minutes and works once. If you did not ask for it, ignore this mail.")
                    : new Rendered(
                            "Сброс пароля",
                            "Чтобы задать новый пароль, откройте:\n" + p.get("link")
                                    + "\n\nили введите код: " + p.get("token")
                                    + "\n\nСсылка действительна 30 минут и работает один раз. Если вы не запрашивали сброс, "
                                    + "просто проигнорируйте письмо.");
        }
    };

    private final String kind;
    private final String code;

    MailTemplate(String kind, String code) {
        this.kind = kind;
        this.code = code;
    }

    String kind() {
        return kind;
    }

    String code() {
        return code;
    }

    abstract Rendered render(String locale, Map<String, String> params);

    static MailTemplate byCode(String code) {
        for (MailTemplate t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown mail template " + code);
    }

    record Rendered(String subject, String body) {}
}
