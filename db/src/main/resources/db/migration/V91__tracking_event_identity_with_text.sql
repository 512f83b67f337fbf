-- A tracking event is also told apart by its text: carriers stamp events to the second or the minute, and two
-- scans of one parcel at one hub in the same minute (arrived, departed) often share the status code, so the key of
-- (leg, time, raw code, location) took the second for a repeat of the first and dropped it. The key is now
-- SHA-256 of leg id, event time in epoch milliseconds, raw code, location (trimmed) and description, joined by
-- NUL bytes, as ShipmentTracking.dedupKey computes it; the stored events get theirs here, so that a poll after
-- this migration repeats none of them.
UPDATE tracking_events
SET dedup_key = sha256(
        convert_to(leg_id::text, 'UTF8') || '\x00'::bytea
        || convert_to(floor(extract(epoch FROM occurred_at) * 1000)::bigint::text, 'UTF8') || '\x00'::bytea
        || convert_to(raw_status, 'UTF8') || '\x00'::bytea
        || convert_to(coalesce(btrim(location), ''), 'UTF8') || '\x00'::bytea
        || convert_to(coalesce(description, ''), 'UTF8'));
