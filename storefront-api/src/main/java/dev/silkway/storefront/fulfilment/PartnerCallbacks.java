package dev.silkway.storefront.fulfilment;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The partner's callbacks as received (V77): replays found by their signature, duplicates by their event id. */
@Repository
class PartnerCallbacks {

    enum Receipt {
        NEW,
        DUPLICATE,
        REPLAYED
    }

    private final JdbcClient jdbc;

    PartnerCallbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Receipt record(String eventId, String signature, String type, @Nullable String reference, String payload) {
        return jdbc.sql("""
                        INSERT INTO partner_callbacks (event_id, signature, type, reference, payload, duplicate)
                        VALUES (:event, :signature, :type, :reference, CAST(:payload AS jsonb),
                                EXISTS (SELECT 1 FROM partner_callbacks WHERE event_id = :event AND NOT duplicate))
                        ON CONFLICT (signature) DO NOTHING
                        RETURNING duplicate""")
                .param("event", eventId)
                .param("signature", signature)
                .param("type", type)
                .param("reference", reference)
                .param("payload", payload)
                .query(Boolean.class)
                .optional()
                .map(duplicate -> duplicate ? Receipt.DUPLICATE : Receipt.NEW)
                .orElse(Receipt.REPLAYED);
    }
}
