-- A payment that received more than its attempt asked for (crypto: the payer sent too much). The order is
-- paid; the surplus is flagged for operators, who return it (NOWPayments pays crypto out by hand).
ALTER TABLE payment_webhook_events DROP CONSTRAINT payment_webhook_events_flag_check;
ALTER TABLE payment_webhook_events ADD CONSTRAINT ck_payment_webhook_events_flag CHECK (flag IN
    ('AMOUNT_MISMATCH', 'UNKNOWN_PAYMENT', 'PAID_TOO_LATE', 'DUPLICATE_PAYMENT', 'OVERPAID'));
