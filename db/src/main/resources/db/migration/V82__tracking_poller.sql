-- The tracking poller: leases on the legs it polls, the per-second call slots that hold every
-- carrier API to its rate limit across all poller instances, and the ETA kept per shipment.

-- A poller claims due legs by moving next_poll_at past a lease and writing its claim token; only
-- the holder of the token finishes the poll (sets the next poll). A poller that dies mid-cycle
-- leaves its legs due again when the lease ends: nothing is lost, and a second poll of the same
-- events inserts nothing (tracking_events.dedup_key).
ALTER TABLE shipment_legs ADD COLUMN poll_claim uuid;
CREATE INDEX ix_shipment_legs_poll_claim ON shipment_legs (poll_claim) WHERE poll_claim IS NOT NULL;

-- One row per carrier API and wall-clock second: how many of that second's calls are taken. A
-- poller reserves a call with one conditional upsert (taken < the API's calls per second), so all
-- instances together never make more than the limit in any second. Old seconds are deleted.
CREATE TABLE carrier_call_slots (
    api         text NOT NULL CHECK (api IN ('cdek-v2', 'sf-express', 'russian-post', '17track')),
    slot_second timestamptz NOT NULL,
    taken       integer NOT NULL CHECK (taken >= 1),
    PRIMARY KEY (api, slot_second)
);

-- The shipment's estimated delivery window: from the delivery line's ETA range at hand-over,
-- then moved by the events (the progress so far).
-- stage: how far the shipment got as the order sees it (SHIPPED, IN_CUSTOMS, ARRIVED,
-- OUT_FOR_DELIVERY, DELIVERED); it only moves forward, whatever order the events come in.
ALTER TABLE shipments
    ADD COLUMN stage        text NOT NULL DEFAULT 'SHIPPED' CHECK (stage IN (
        'SHIPPED', 'IN_CUSTOMS', 'ARRIVED', 'OUT_FOR_DELIVERY', 'DELIVERED')),
    ADD COLUMN eta_earliest timestamptz,
    ADD COLUMN eta_latest   timestamptz,
    ADD CONSTRAINT ck_shipments_eta_range CHECK (eta_earliest IS NULL OR eta_latest IS NULL OR eta_earliest <= eta_latest);

-- Each poll cycle of a carrier API that did work: the carrier jobs' runs (GET /api/v1/ops/jobs).
CREATE TABLE carrier_poll_runs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    api         text NOT NULL CHECK (api IN ('cdek-v2', 'sf-express', 'russian-post', '17track')),
    instance    text NOT NULL CHECK (char_length(instance) BETWEEN 1 AND 200),
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    calls       integer NOT NULL DEFAULT 0 CHECK (calls >= 0),
    numbers     integer NOT NULL DEFAULT 0 CHECK (numbers >= 0),
    events      integer NOT NULL DEFAULT 0 CHECK (events >= 0),
    failures    integer NOT NULL DEFAULT 0 CHECK (failures >= 0)
);

CREATE INDEX ix_carrier_poll_runs_api_started ON carrier_poll_runs (api, started_at DESC);
-- Stuck parcels: active shipments by their last event.
CREATE INDEX ix_shipments_active_last_event ON shipments (last_event_at) WHERE delivered_at IS NULL;
