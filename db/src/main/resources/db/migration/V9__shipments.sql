-- Shipments: the parcels of an order, the carrier legs each travels (China domestic, the
-- international line, the last mile in Russia/CIS) with their track numbers, and the tracking
-- events the carriers report, normalized onto one status model (AfterShip's).

-- tracking_api says how the poller reads a carrier: its own API or the 17TRACK aggregator.
CREATE TABLE carriers (
    code         text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,31}$'),
    name         text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    name_ru      text CHECK (char_length(name_ru) <= 100),
    name_zh      text CHECK (char_length(name_zh) <= 100),
    tracking_api text NOT NULL CHECK (tracking_api IN ('cdek-v2', 'sf-express', 'russian-post', '17track')),
    -- 17TRACK's numeric carrier code, when the number should be registered with an explicit carrier.
    track17_carrier_code integer CHECK (track17_carrier_code > 0),
    site_url     text CHECK (site_url ~ '^https?://'),
    enabled      boolean NOT NULL DEFAULT true
);

INSERT INTO carriers (code, name, name_ru, name_zh, tracking_api, site_url) VALUES
    ('cdek',         'CDEK',            'СДЭК',            NULL,       'cdek-v2',      'https://www.cdek.ru'),
    ('sf-express',   'SF Express',      'SF Express',      '顺丰速运', 'sf-express',   'https://www.sf-express.com'),
    ('russian-post', 'Russian Post',    'Почта России',    NULL,       'russian-post', 'https://www.pochta.ru'),
    ('china-post',   'China Post',      'Почта Китая',     '中国邮政', '17track',      'https://www.chinapost.com.cn'),
    ('china-ems',    'China EMS',       'EMS Китай',       'EMS',      '17track',      'https://www.ems.com.cn'),
    ('zto',          'ZTO Express',     'ZTO Express',     '中通快递', '17track',      'https://www.zto.com'),
    ('yto',          'YTO Express',     'YTO Express',     '圆通速递', '17track',      'https://www.yto.net.cn'),
    ('sto',          'STO Express',     'STO Express',     '申通快递', '17track',      'https://www.sto.cn'),
    ('yunda',        'Yunda Express',   'Yunda Express',   '韵达快递', '17track',      'https://www.yundaex.com'),
    ('jd-logistics', 'JD Logistics',    'JD Logistics',    '京东物流', '17track',      'https://www.jdl.com');

-- Normalized tracking statuses (AfterShip): PENDING, INFO_RECEIVED, IN_TRANSIT, OUT_FOR_DELIVERY,
-- ATTEMPT_FAIL, DELIVERED, AVAILABLE_FOR_PICKUP, EXCEPTION, EXPIRED.
CREATE TABLE shipments (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id                uuid NOT NULL REFERENCES orders (id),
    delivery_method         text NOT NULL CHECK (delivery_method IN ('AIR', 'SEA', 'EXPRESS')),
    status                  text NOT NULL DEFAULT 'PENDING' CHECK (status IN (
        'PENDING', 'INFO_RECEIVED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'ATTEMPT_FAIL', 'DELIVERED',
        'AVAILABLE_FOR_PICKUP', 'EXCEPTION', 'EXPIRED')),
    sub_status              text CHECK (char_length(sub_status) <= 64),
    weight_grams            integer CHECK (weight_grams > 0),
    length_cm               integer CHECK (length_cm > 0),
    width_cm                integer CHECK (width_cm > 0),
    height_cm               integer CHECK (height_cm > 0),
    -- max(actual, L*W*H/5000 kg), in grams: what the international line charges for.
    chargeable_weight_grams integer CHECK (chargeable_weight_grams > 0),
    declared_value_minor    bigint CHECK (declared_value_minor >= 0),
    declared_currency       char(3) CHECK (declared_currency ~ '^[A-Z]{3}$'),
    insured                 boolean NOT NULL DEFAULT false,
    last_event_at           timestamptz,
    shipped_at              timestamptz,
    delivered_at            timestamptz,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    version                 bigint NOT NULL DEFAULT 0,
    CONSTRAINT ck_shipments_declared_value_currency CHECK ((declared_value_minor IS NULL) = (declared_currency IS NULL))
);

CREATE INDEX ix_shipments_order_id ON shipments (order_id);
CREATE INDEX ix_shipments_status ON shipments (status, updated_at);

-- One carrier segment of a shipment, with its track number. (carrier_code, track_number) is
-- unique: a webhook or poll result names a number (and carrier) and must find exactly one leg.
-- next_poll_at drives the tracking poller; it is NULL once the leg reached a final status.
CREATE TABLE shipment_legs (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shipment_id       uuid NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    leg_no            smallint NOT NULL CHECK (leg_no >= 1),
    kind              text NOT NULL CHECK (kind IN ('CHINA_DOMESTIC', 'INTERNATIONAL', 'LAST_MILE')),
    carrier_code      text NOT NULL REFERENCES carriers (code),
    track_number      text NOT NULL CHECK (track_number ~ '^[A-Za-z0-9-]{4,64}$'),
    status            text NOT NULL DEFAULT 'PENDING' CHECK (status IN (
        'PENDING', 'INFO_RECEIVED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'ATTEMPT_FAIL', 'DELIVERED',
        'AVAILABLE_FOR_PICKUP', 'EXCEPTION', 'EXPIRED')),
    sub_status        text CHECK (char_length(sub_status) <= 64),
    registered_at     timestamptz, -- registered with 17TRACK / a carrier webhook
    last_event_at     timestamptz,
    last_polled_at    timestamptz,
    next_poll_at      timestamptz,
    poll_failures     integer NOT NULL DEFAULT 0 CHECK (poll_failures >= 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_shipment_legs_shipment_leg_no UNIQUE (shipment_id, leg_no),
    CONSTRAINT uq_shipment_legs_carrier_track_number UNIQUE (carrier_code, track_number),
    -- Target of tracking_events' composite key: an event's leg belongs to the event's shipment.
    CONSTRAINT uq_shipment_legs_id_shipment UNIQUE (id, shipment_id)
);

CREATE INDEX ix_shipment_legs_track_number ON shipment_legs (track_number);
-- The poller's queue: legs due for a poll.
CREATE INDEX ix_shipment_legs_due ON shipment_legs (next_poll_at) WHERE next_poll_at IS NOT NULL;

-- Tracking events, deduplicated: dedup_key is a hash of what identifies an event at the carrier
-- (leg, event time, raw status code, location), so re-polling or a webhook repeating a poll
-- inserts nothing new (INSERT ... ON CONFLICT DO NOTHING). raw keeps the carrier's own record.
CREATE TABLE tracking_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shipment_id uuid NOT NULL,
    leg_id      bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    status      text NOT NULL CHECK (status IN (
        'PENDING', 'INFO_RECEIVED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'ATTEMPT_FAIL', 'DELIVERED',
        'AVAILABLE_FOR_PICKUP', 'EXCEPTION', 'EXPIRED')),
    sub_status  text CHECK (char_length(sub_status) <= 64),
    raw_status  text NOT NULL CHECK (char_length(raw_status) BETWEEN 1 AND 128),
    description text CHECK (char_length(description) <= 2000),
    location    text CHECK (char_length(location) <= 500),
    source      text NOT NULL CHECK (source IN ('cdek-v2', 'sf-express', 'russian-post', '17track', 'manual')),
    raw         jsonb NOT NULL DEFAULT '{}',
    dedup_key   bytea NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_tracking_events_leg_dedup UNIQUE (leg_id, dedup_key),
    CONSTRAINT fk_tracking_events_leg FOREIGN KEY (leg_id, shipment_id)
        REFERENCES shipment_legs (id, shipment_id) ON DELETE CASCADE
);

-- The shipment's timeline (GET /orders/{id}).
CREATE INDEX ix_tracking_events_shipment_time ON tracking_events (shipment_id, occurred_at DESC);

-- Carrier webhooks as received (17TRACK TRACKING_UPDATED, CDEK ORDER_STATUS), deduplicated like
-- the payment webhooks, processed asynchronously into tracking_events.
CREATE TABLE carrier_webhook_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source         text NOT NULL CHECK (source IN ('17track', 'cdek-v2')),
    dedup_key      text NOT NULL CHECK (char_length(dedup_key) BETWEEN 1 AND 256),
    track_number   text CHECK (char_length(track_number) <= 64),
    payload        jsonb NOT NULL,
    client_address inet,
    received_at    timestamptz NOT NULL DEFAULT now(),
    processed_at   timestamptz,
    attempts       integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error     text CHECK (char_length(last_error) <= 4000),
    CONSTRAINT uq_carrier_webhook_events_dedup UNIQUE (source, dedup_key)
);

CREATE INDEX ix_carrier_webhook_events_unprocessed ON carrier_webhook_events (received_at) WHERE processed_at IS NULL;
