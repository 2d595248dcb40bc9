-- Care dates, holidays and message templates (issue 24).
--
-- care_dates: dates worth remembering about a customer or one of its
-- contacts. kind 'birthday' (a contact's, or the customer's own when
-- contact_id is NULL: a person bought from you), 'anniversary' (the
-- customer's; without one the first order's day stands in) and 'date', a
-- free-form date with a label ("contract renewal"). day is 'YYYY-MM-DD',
-- or '--MM-DD' when the year is not known (vCard's form); yearly dates come
-- back every year, others once.
CREATE TABLE care_dates (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    contact_id  INTEGER REFERENCES contacts (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('birthday','anniversary','date')),
    label       TEXT NOT NULL DEFAULT '' CHECK (length(label) <= 200),
    day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' OR day GLOB '--[0-9][0-9]-[0-9][0-9]'),
    yearly      INTEGER NOT NULL DEFAULT 1 CHECK (yearly IN (0,1)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    archived_at INTEGER,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX care_dates_customer ON care_dates (customer_id) WHERE archived_at IS NULL;
-- The Care section looks dates up by month and day (the last five characters).
CREATE INDEX care_dates_month_day ON care_dates (substr(day, -5)) WHERE archived_at IS NULL;
-- One live birthday per person and one live anniversary per customer.
CREATE UNIQUE INDEX care_dates_one_birthday ON care_dates (customer_id, coalesce(contact_id, 0)) WHERE kind = 'birthday' AND archived_at IS NULL;
CREATE UNIQUE INDEX care_dates_one_anniversary ON care_dates (customer_id) WHERE kind = 'anniversary' AND archived_at IS NULL;

-- holidays: the greeting days of the Care section, editable. calendar
-- 'lunar' dates are month and day of the Chinese lunar calendar (春节 1-1),
-- computed for each year; 'solar' ones are Gregorian.
CREATE TABLE holidays (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 60),
    calendar    TEXT NOT NULL CHECK (calendar IN ('solar','lunar')),
    month       INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day         INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    archived_at INTEGER,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX holidays_live ON holidays (name) WHERE archived_at IS NULL;

-- templates: message templates (话术) with {placeholders}, each for a
-- purpose and optionally only for a tier or a tag.
CREATE TABLE templates (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 80),
    purpose     TEXT NOT NULL DEFAULT 'other',
    tier        TEXT NOT NULL DEFAULT '' CHECK (tier IN ('','A','B','C')),
    tag         TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    archived_at INTEGER,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX templates_live ON templates (name) WHERE archived_at IS NULL;

-- The Care section counts and pages the live customers of the care tiers.
CREATE INDEX customer_stats_care ON customer_stats (active, tier, customer_id);

-- first_orders: each customer's first live order (unix seconds), kept by
-- triggers on orders so the Care section finds the anniversaries of first
-- orders in a week of earlier years with an index range, not by reading
-- every customer's orders. Derived: not exported, rebuilt from orders.
CREATE TABLE first_orders (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    first_at    INTEGER NOT NULL
);
INSERT INTO first_orders (customer_id, first_at)
    SELECT customer_id, min(ordered_at) FROM orders WHERE archived_at IS NULL GROUP BY customer_id;
CREATE INDEX first_orders_at ON first_orders (first_at);
CREATE TRIGGER first_orders_ai AFTER INSERT ON orders WHEN NEW.archived_at IS NULL BEGIN
    INSERT INTO first_orders (customer_id, first_at) VALUES (NEW.customer_id, NEW.ordered_at)
        ON CONFLICT (customer_id) DO UPDATE SET first_at = excluded.first_at WHERE excluded.first_at < first_orders.first_at;
END;
CREATE TRIGGER first_orders_au AFTER UPDATE OF customer_id, ordered_at, archived_at ON orders BEGIN
    DELETE FROM first_orders WHERE customer_id IN (OLD.customer_id, NEW.customer_id);
    INSERT INTO first_orders (customer_id, first_at)
        SELECT customer_id, min(ordered_at) FROM orders WHERE customer_id IN (OLD.customer_id, NEW.customer_id) AND archived_at IS NULL GROUP BY customer_id;
END;
CREATE TRIGGER first_orders_ad AFTER DELETE ON orders BEGIN
    DELETE FROM first_orders WHERE customer_id = OLD.customer_id;
    INSERT INTO first_orders (customer_id, first_at)
        SELECT customer_id, min(ordered_at) FROM orders WHERE customer_id = OLD.customer_id AND archived_at IS NULL GROUP BY customer_id;
END;
