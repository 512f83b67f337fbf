package dev.silkway.storefront.mail;

import dev.silkway.storefront.crypto.PiiCipher;
import dev.silkway.storefront.crypto.PiiColumn;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a mail in the {@code notifications} table, in the caller's transaction: the mail leaves if
 * and only if the change that caused it commits, and the request never waits for SMTP. The
 * recipient and the secret parameters (a link carrying a live token) are encrypted at rest.
 */
@Component
public class MailOutbox {

    static final PiiColumn RECIPIENT = PiiColumn.of("notifications", "recipient_enc");
    static final PiiColumn SECRET_PARAMS = PiiColumn.of("notifications", "secret_params_enc");

    private final JdbcClient jdbc;
    private final PiiCipher cipher;
    private final JsonMapper json;
    private final Clock clock;

    MailOutbox(JdbcClient jdbc, PiiCipher cipher, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(
            UUID userId, MailTemplate template, String locale, String recipient, Map<String, String> secretParams) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO notifications (id, user_id, channel, kind, template, locale, recipient_enc,
                                                   pii_key_id, params, secret_params_enc, next_attempt_at)
                        VALUES (?, ?, 'EMAIL', ?, ?, ?, ?, ?, '{}'::jsonb, ?, ?)""")
                .params(
                        id,
                        userId,
                        template.kind(),
                        template.code(),
                        locale,
                        cipher.seal(recipient, RECIPIENT, id),
                        cipher.activeKeyId(),
                        secretParams.isEmpty()
                                ? null
                                : cipher.seal(json.writeValueAsString(secretParams), SECRET_PARAMS, id),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        return id;
    }
}
