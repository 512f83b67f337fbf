-- Translation: the memory of every text a provider translated, the characters sent to each
-- provider per day (the daily budget), the admin-edited glossary, and what of the catalogue has been
-- machine-translated from which source text.

-- One row per (source text, language pair): a text already translated is never sent again.
-- source_hash is SHA-256 of the UTF-8 source text; the text itself is kept for audits and for
-- re-translation by another provider.
CREATE TABLE translation_memory (
    source_hash     bytea NOT NULL CHECK (octet_length(source_hash) = 32),
    source_language text NOT NULL CHECK (source_language ~ '^[a-z]{2}$'),
    target_language text NOT NULL CHECK (target_language ~ '^[a-z]{2}$'),
    source_text     text NOT NULL CHECK (char_length(source_text) BETWEEN 1 AND 10000),
    translated_text text NOT NULL CHECK (char_length(translated_text) <= 100000),
    provider        text NOT NULL CHECK (char_length(provider) BETWEEN 1 AND 32),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_hash, source_language, target_language)
);

-- Characters (and requests) sent to a provider per UTC day; the budget is checked and taken by one
-- conditional upsert, so it holds across instances.
CREATE TABLE translation_usage (
    provider   text NOT NULL CHECK (char_length(provider) BETWEEN 1 AND 32),
    usage_day  date NOT NULL,
    characters bigint NOT NULL DEFAULT 0 CHECK (characters >= 0),
    requests   bigint NOT NULL DEFAULT 0 CHECK (requests >= 0),
    PRIMARY KEY (provider, usage_day)
);

-- The glossary (GET|PUT /api/v1/admin/glossary): sent with every translation request as
-- glossaryConfig, and read by search as synonyms (zh, ru and en of a row mean the same thing).
CREATE TABLE glossary_terms (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zh         text NOT NULL CHECK (char_length(btrim(zh)) BETWEEN 1 AND 100),
    ru         text NOT NULL CHECK (char_length(btrim(ru)) BETWEEN 1 AND 100),
    en         text CHECK (char_length(btrim(en)) BETWEEN 1 AND 100),
    updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_glossary_terms_zh UNIQUE (zh)
);

CREATE INDEX ix_glossary_terms_updated_by ON glossary_terms (updated_by) WHERE updated_by IS NOT NULL;

INSERT INTO glossary_terms (zh, ru, en) VALUES
    ('运动鞋',   'кроссовки',           'sneakers'),
    ('跑步鞋',   'беговые кроссовки',   'running shoes'),
    ('帆布鞋',   'кеды',                'canvas shoes'),
    ('羽绒服',   'пуховик',             'down jacket'),
    ('卫衣',     'худи',                'hoodie'),
    ('连衣裙',   'платье',              'dress'),
    ('牛仔裤',   'джинсы',              'jeans'),
    ('T恤',      'футболка',            't-shirt'),
    ('冲锋衣',   'ветровка',            'hardshell jacket'),
    ('手机壳',   'чехол для телефона',  'phone case'),
    ('蓝牙耳机', 'Bluetooth-наушники',  'bluetooth earbuds'),
    ('耳机',     'наушники',            'headphones'),
    ('充电宝',   'пауэрбанк',           'power bank'),
    ('智能手表', 'смарт-часы',          'smart watch'),
    ('保温杯',   'термокружка',         'vacuum flask'),
    ('双肩包',   'рюкзак',              'backpack');

-- Machine translations remember the md5 of the text they were made from: a product whose original
-- title changed is translated again. A Russian title given by the feed itself (no source md5) is kept.
ALTER TABLE products
    ADD COLUMN title_ru_source_md5       text CHECK (char_length(title_ru_source_md5) = 32),
    ADD COLUMN description_ru_source_md5 text CHECK (char_length(description_ru_source_md5) = 32);

-- The products of a feed that the translate step still has to do, found without reading the others.
CREATE INDEX ix_products_translation_pending ON products (marketplace_code, id)
    WHERE title_ru IS NULL OR title_ru_source_md5 <> md5(title_original);

-- SKU attribute values in Russian ({"colour": "чёрный", "size": "42.5"}), with the md5 of the
-- attributes they were translated from.
ALTER TABLE skus
    ADD COLUMN attributes_ru            jsonb CHECK (jsonb_typeof(attributes_ru) = 'object'),
    ADD COLUMN attributes_ru_source_md5 text CHECK (char_length(attributes_ru_source_md5) = 32);

-- The marketplaces' own category names in Russian and English (the unified categories have theirs
-- since V4).
ALTER TABLE marketplace_categories
    ADD COLUMN name_ru text CHECK (char_length(name_ru) <= 200),
    ADD COLUMN name_en text CHECK (char_length(name_en) <= 200);
