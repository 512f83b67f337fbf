-- Exchange rates of the Central Bank of Russia, one row per currency per date.
-- rate_date is the date the CBR file declares (<ValCurs Date="...">), which may differ from the
-- requested date (weekends, holidays): a lookup for a day takes the latest rate_date <= that day.
-- rate is RUB per `nominal` units exactly as published (<Value>, 4 decimals); unit_rate is RUB
-- per single unit (<VunitRate>, or rate / nominal), the figure to multiply prices by.

CREATE TABLE exchange_rates (
    currency       char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$' AND currency <> 'RUB'),
    rate_date      date NOT NULL,
    nominal        integer NOT NULL CHECK (nominal > 0),
    rate           numeric(18, 4) NOT NULL CHECK (rate > 0),
    unit_rate      numeric(24, 10) NOT NULL CHECK (unit_rate > 0),
    quote_currency char(3) NOT NULL DEFAULT 'RUB' CHECK (quote_currency = 'RUB'),
    source         text NOT NULL DEFAULT 'CBR' CHECK (source IN ('CBR')),
    cbr_id         text CHECK (cbr_id ~ '^R[0-9A-Z]{4,10}$'), -- <Valute ID="R01375">
    fetched_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (currency, rate_date)
);

COMMENT ON TABLE exchange_rates IS 'CBR daily rates: RUB per nominal units; latest for a day = max(rate_date) <= day';
