package dev.silkway.sandbox.yookassa;

import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.webhook.WebhookSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * What happens to a payment after it is created, as the payer, the bank or the shop moves it: paid
 * (succeeded, or waiting_for_capture when the shop captures later), declined or expired (canceled),
 * captured, cancelled; refunds succeeding after a while. Each move sends its notification.
 */
@Component
class YooKassaActions {

    private final YooKassaLedger ledger;
    private final YooKassaSettings settings;
    private final YooKassaSandboxProperties properties;
    private final WebhookSender sender;

    YooKassaActions(
            YooKassaLedger ledger,
            YooKassaSettings settings,
            YooKassaSandboxProperties properties,
            WebhookSender sender) {
        this.ledger = ledger;
        this.settings = settings;
        this.properties = properties;
        this.sender = sender;
    }

    /** The payer paid: false when the payment is no longer pending. */
    boolean pay(YooKassaLedger.Payment payment) {
        synchronized (payment) {
            if (!payment.status.equals("pending")) {
                return false;
            }
            if (payment.capture) {
                payment.status = "succeeded";
                payment.capturedAt = ledger.now();
            } else {
                payment.status = "waiting_for_capture";
            }
        }
        notify("payment." + payment.status, payment.json());
        return true;
    }

    /** The bank declined (or the payer gave up): canceled with the reason. */
    boolean cancel(YooKassaLedger.Payment payment, String party, String reason, boolean fromPending) {
        synchronized (payment) {
            boolean allowed =
                    fromPending ? payment.status.equals("pending") : payment.status.equals("waiting_for_capture");
            if (!allowed) {
                return false;
            }
            payment.status = "canceled";
            payment.cancellationParty = party;
            payment.cancellationReason = reason;
        }
        notify("payment.canceled", payment.json());
        return true;
    }

    boolean capture(YooKassaLedger.Payment payment) {
        synchronized (payment) {
            if (!payment.status.equals("waiting_for_capture")) {
                return payment.status.equals("succeeded");
            }
            payment.status = "succeeded";
            payment.capturedAt = ledger.now();
        }
        notify("payment.succeeded", payment.json());
        return true;
    }

    /** The refund succeeds after the configured delay, and its payment counts it as refunded. */
    void settleLater(YooKassaLedger.Refund refund) {
        CompletableFuture.delayedExecutor(properties.refundDelay().toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> {
                    synchronized (refund) {
                        refund.status = "succeeded";
                    }
                    ledger.payment(refund.paymentId).ifPresent(p -> {
                        synchronized (p) {
                            p.refundedMinor += refund.amount.minor();
                        }
                    });
                    notify("refund.succeeded", refund.json());
                });
    }

    private void notify(String event, ObjectNode object) {
        YooKassaSettings.Settings now = settings.current();
        if (now.webhookUrl() == null) {
            return;
        }
        ObjectNode body = SandboxJson.object().put("type", "notification").put("event", event);
        body.set("object", object);
        byte[] bytes = SandboxJson.MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        sender.send(new WebhookSender.Delivery("yookassa", URI.create(now.webhookUrl()), Map::of, bytes), now.policy());
    }
}
