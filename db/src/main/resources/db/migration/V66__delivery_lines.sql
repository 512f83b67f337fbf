-- Checkout, delivery: the international delivery lines (AIR, SEA, EXPRESS) with their tariffs by
-- chargeable weight, and the weight and dimensions of what is shipped.
--
-- Chargeable weight of a parcel = max(actual grams, volumetric grams), volumetric = L x W x H in
-- cm / 5000 kg = mm^3 / 5000 g. A SKU's weight and dimensions come from the feed where the marketplace
-- gives them (skus.*, NULL otherwise), else from the nearest category (up the tree) that has
-- defaults in category_shipping_defaults; a quote says when any of them was such an estimate.

ALTER TABLE skus
    ADD COLUMN weight_grams integer CHECK (weight_grams > 0),
    ADD COLUMN length_mm    integer CHECK (length_mm > 0),
    ADD COLUMN width_mm     integer CHECK (width_mm > 0),
    ADD COLUMN height_mm    integer CHECK (height_mm > 0),
    ADD CONSTRAINT ck_skus_dimensions_together CHECK (
        (length_mm IS NULL) = (width_mm IS NULL) AND (width_mm IS NULL) = (height_mm IS NULL));

CREATE TABLE category_shipping_defaults (
    category_id  bigint PRIMARY KEY REFERENCES categories (id) ON DELETE CASCADE,
    weight_grams integer NOT NULL CHECK (weight_grams > 0),
    length_mm    integer NOT NULL CHECK (length_mm > 0),
    width_mm     integer NOT NULL CHECK (width_mm > 0),
    height_mm    integer NOT NULL CHECK (height_mm > 0),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   uuid REFERENCES users (id) ON DELETE SET NULL
);

INSERT INTO category_shipping_defaults (category_id, weight_grams, length_mm, width_mm, height_mm)
SELECT c.id, v.grams, v.l, v.w, v.h
FROM (VALUES
    ('clothing',          500, 300, 250,  50),
    ('outerwear',        1200, 400, 300, 100),
    ('shoes',            1200, 350, 220, 130),
    ('bags-accessories',  600, 300, 250, 100),
    ('watches',           300, 120, 100,  80),
    ('electronics',       600, 250, 180,  80),
    ('computers',        2500, 450, 330,  80),
    ('appliances',       3000, 400, 300, 300),
    ('home',             1500, 400, 300, 200),
    ('furniture',       10000, 800, 500, 300),
    ('beauty',            300, 150, 100,  80),
    ('kids',              800, 300, 250, 150),
    ('sports',           1500, 500, 300, 200),
    ('auto',             1500, 400, 300, 150),
    ('pets',             1500, 400, 300, 200),
    ('hobbies',           500, 300, 220,  50),
    ('unsorted',         1000, 300, 300, 200)
) AS v (code, grams, l, w, h)
JOIN categories c ON c.code = v.code;

-- Tariff in roubles (kopecks): first_half_kg_minor for the first 0.5 kg of chargeable weight, then
-- next_half_kg_minor for each further 0.5 kg or part of it, never less than min_charge_minor.
-- Restricted goods: a product of one of restricted_categories (a category code and its subtree) or
-- whose title contains one of restricted_keywords (lowercase, matched case-insensitively) cannot
-- travel by the line.
CREATE TABLE delivery_lines (
    method               text PRIMARY KEY CHECK (method IN ('AIR', 'SEA', 'EXPRESS')),
    name                 text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    countries            text[] NOT NULL CHECK (cardinality(countries) >= 1),
    currency             char(3) NOT NULL DEFAULT 'RUB' CHECK (currency = 'RUB'),
    first_half_kg_minor  bigint NOT NULL CHECK (first_half_kg_minor >= 0),
    next_half_kg_minor   bigint NOT NULL CHECK (next_half_kg_minor >= 0),
    min_charge_minor     bigint NOT NULL CHECK (min_charge_minor >= 0),
    eta_min_days         integer NOT NULL CHECK (eta_min_days >= 1),
    eta_max_days         integer NOT NULL,
    max_parcel_grams     integer NOT NULL CHECK (max_parcel_grams > 0),
    restricted_categories text[] NOT NULL DEFAULT '{}',
    restricted_keywords  text[] NOT NULL DEFAULT '{}',
    insurance_offered    boolean NOT NULL,
    enabled              boolean NOT NULL DEFAULT true,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    updated_by           uuid REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_delivery_lines_eta CHECK (eta_max_days >= eta_min_days)
);

INSERT INTO delivery_lines (method, name, countries, first_half_kg_minor, next_half_kg_minor, min_charge_minor,
                            eta_min_days, eta_max_days, max_parcel_grams, restricted_categories,
                            restricted_keywords, insurance_offered) VALUES
    ('AIR', 'Air freight', '{RU,KZ,BY}', 45000, 30000, 45000, 10, 18, 30000,
     '{fragrances}',
     '{аккумулятор,батарея,powerbank,power bank,lithium,литиев,жидкость,liquid,порошок,powder,аэрозоль,aerosol,电池,液体,粉}',
     true),
    ('SEA', 'Sea and rail freight', '{RU,KZ,BY}', 15000, 9000, 60000, 35, 50, 100000,
     '{}',
     '{аэрозоль,aerosol}',
     true),
    ('EXPRESS', 'Express courier', '{RU,KZ,BY}', 90000, 60000, 90000, 5, 9, 20000,
     '{fragrances,smartphones}',
     '{аккумулятор,батарея,powerbank,power bank,lithium,литиев,жидкость,liquid,порошок,powder,аэрозоль,aerosol,电池,液体,粉}',
     false);
