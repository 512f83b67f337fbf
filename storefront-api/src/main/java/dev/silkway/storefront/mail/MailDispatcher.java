package dev.silkway.storefront.mail;

import dev.silkway.storefront.crypto.PiiCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the queued mails: claims due rows with {@code FOR UPDATE SKIP LOCKED} (several instances
 * share the queue), pushes their due time forward as a lease, sends outside the transaction, then
 * marks each SENT (dropping its secret parameters) or schedules the next attempt with exponential
 * back-off; after {@code max_attempts} a mail is FAILED and stays in the table for an operator.
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(MailProperties.class)
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JavaMailSender sender;
    private final PiiCipher cipher;
    private final JsonMapper json;
    private final MailProperties properties;
    private final Clock clock;

    MailDispatcher(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            JavaMailSender sender,
            PiiCipher cipher,
            JsonMapper json,
            MailProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sender = sender;
        this.cipher = cipher;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${silkway.mail.poll-interval:PT2S}", initialDelayString = "PT1S")
    void dispatchDue() {
        try {
            List<Claimed> claimed = claim();
            claimed.forEach(this::send);
        } catch (RuntimeException e) {
            log.warn("Mail dispatch round failed: {}", e.getClass().getSimpleName());
        }
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            List<Claimed> due = jdbc.sql("""
                            SELECT id, template, locale, recipient_enc, secret_params_enc, pii_key_id, attempts, max_attempts
                            FROM notifications
                            WHERE status = 'PENDING' AND channel = 'EMAIL' AND next_attempt_at <= ?
                            ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .params(at(now), properties.batchSize())
                    .query((rs, n) -> new Claimed(
                            rs.getObject("id", UUID.class),
                            rs.getString("template"),
                            rs.getString("locale"),
                            rs.getBytes("recipient_enc"),
                            rs.getBytes("secret_params_enc"),
                            rs.getString("pii_key_id"),
                            rs.getInt("attempts") + 1,
                            rs.getInt("max_attempts")))
                    .list();
            for (Claimed mail : due) {
                jdbc.sql("UPDATE notifications SET attempts = ?, next_attempt_at = ? WHERE id = ?")
                        .params(mail.attempt(), at(now.plus(properties.lease())), mail.id())
                        .update();
            }
            return due;
        });
    }

    private void send(Claimed mail) {
        try {
            Map<String, String> params = mail.secretParams() == null
                    ? Map.of()
                    : json.readValue(
                            cipher.open(mail.secretParams(), mail.keyId(), MailOutbox.SECRET_PARAMS, mail.id()),
                            new TypeReference<>() {});
            var rendered = MailTemplate.byCode(mail.template()).render(mail.locale(), params);
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.from());
            message.setTo(cipher.open(mail.recipient(), mail.keyId(), MailOutbox.RECIPIENT, mail.id()));
            message.setSubject(rendered.subject());
            message.setText(rendered.body());
            sender.send(message);
            jdbc.sql("""
                            UPDATE notifications SET status = 'SENT', sent_at = ?, secret_params_enc = NULL, last_error = NULL
                            WHERE id = ?""").params(at(clock.instant()), mail.id()).update();
            log.info("Mail {} ({}) sent", mail.id(), mail.template());
        } catch (RuntimeException e) {
            failed(mail, e);
        }
    }

    private void failed(Claimed mail, Exception e) {
        String error = e.getClass().getSimpleName();
        if (mail.attempt() >= mail.maxAttempts()) {
            jdbc.sql("UPDATE notifications SET status = 'FAILED', last_error = ? WHERE id = ?")
                    .params(error, mail.id())
                    .update();
            log.error(
                    "Mail {} ({}) failed for good after {} attempts: {}",
                    mail.id(),
                    mail.template(),
                    mail.attempt(),
                    error);
            return;
        }
        Duration delay = backOff(mail.attempt());
        jdbc.sql("UPDATE notifications SET next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(at(clock.instant().plus(delay)), error, mail.id())
                .update();
        log.warn(
                "Mail {} ({}) attempt {} failed ({}); next in {}",
                mail.id(),
                mail.template(),
                mail.attempt(),
                error,
                delay);
    }

    Duration backOff(int attempt) {
        long factor = 1L << Math.min(20, Math.max(0, attempt - 1));
        Duration delay = properties.firstRetry().multipliedBy(factor);
        return delay.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : delay;
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Claimed(
            UUID id,
            String template,
            String locale,
            byte[] recipient,
            byte @Nullable [] secretParams,
            String keyId,
            int attempt,
            int maxAttempts) {}
}
