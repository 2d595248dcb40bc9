-- rapport schema v1. Times are UTC unix seconds; local calendar dates are
-- 'YYYY-MM-DD' text; money is integer minor units with an ISO 4217 code.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE customers (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    company      TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    im           TEXT NOT NULL DEFAULT '',
    industry     TEXT NOT NULL DEFAULT '',
    source       TEXT NOT NULL DEFAULT '',
    tier         TEXT NOT NULL DEFAULT 'C' CHECK (tier IN ('A','B','C')),
    tier_pinned  INTEGER NOT NULL DEFAULT 0 CHECK (tier_pinned IN (0,1)),
    lifecycle    TEXT NOT NULL DEFAULT 'customer' CHECK (lifecycle IN ('prospect','customer','churned')),
    churn_reason TEXT NOT NULL DEFAULT '',
    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days BETWEEN 1 AND 3650),
    notes        TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    archived_at  INTEGER,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX customers_name ON customers (name COLLATE NOCASE);
CREATE INDEX customers_email ON customers (email COLLATE NOCASE) WHERE email <> '';
CREATE INDEX customers_phone ON customers (phone) WHERE phone <> '';

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    role        TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0,1)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    archived_at INTEGER,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_customer ON contacts (customer_id);

CREATE TABLE tags (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 60),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    archived_at INTEGER,
    version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE customer_tags (
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (customer_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX customer_tags_tag ON customer_tags (tag_id, customer_id);

CREATE TABLE stages (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 40),
    position    INTEGER NOT NULL,
    probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
    rot_days    INTEGER NOT NULL DEFAULT 0 CHECK (rot_days BETWEEN 0 AND 3650),
    kind        TEXT NOT NULL CHECK (kind IN ('open','won','lost')),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    archived_at INTEGER,
    version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE deals (
    id               INTEGER PRIMARY KEY,
    customer_id      INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    title            TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    value_minor      INTEGER NOT NULL DEFAULT 0 CHECK (value_minor >= 0),
    currency         TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
    stage_id         INTEGER NOT NULL REFERENCES stages (id),
    probability      INTEGER CHECK (probability IS NULL OR probability BETWEEN 0 AND 100),
    expected_close   TEXT CHECK (expected_close IS NULL OR expected_close GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    stage_changed_at INTEGER NOT NULL,
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','won','lost')),
    closed_at        INTEGER,
    lost_reason      TEXT NOT NULL DEFAULT '',
    snoozed_until    TEXT CHECK (snoozed_until IS NULL OR snoozed_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    snooze_reason    TEXT NOT NULL DEFAULT '',
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    archived_at      INTEGER,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX deals_customer ON deals (customer_id, status);
CREATE INDEX deals_stage ON deals (stage_id, status);
CREATE INDEX deals_open ON deals (status, stage_id) WHERE archived_at IS NULL;

CREATE TABLE deal_stage_history (
    id            INTEGER PRIMARY KEY,
    deal_id       INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    from_stage_id INTEGER REFERENCES stages (id),
    to_stage_id   INTEGER NOT NULL REFERENCES stages (id),
    changed_at    INTEGER NOT NULL
);
CREATE INDEX deal_stage_history_deal ON deal_stage_history (deal_id, changed_at);
CREATE INDEX deal_stage_history_at ON deal_stage_history (changed_at);

CREATE TABLE interactions (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    deal_id     INTEGER REFERENCES deals (id) ON DELETE SET NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('call','email','meeting','message','visit','note','complaint','feedback')),
    direction   TEXT NOT NULL CHECK (direction IN ('outbound','inbound','internal')),
    outcome     TEXT NOT NULL DEFAULT 'none' CHECK (outcome IN ('replied','no_reply','positive','neutral','negative','none')),
    score       INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 10),
    summary     TEXT NOT NULL CHECK (length(trim(summary)) BETWEEN 1 AND 1000),
    body        TEXT NOT NULL DEFAULT '',
    occurred_at INTEGER NOT NULL,
    resolved_at INTEGER CHECK (resolved_at IS NULL OR kind = 'complaint'),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    archived_at INTEGER,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX interactions_customer ON interactions (customer_id, occurred_at);
CREATE INDEX interactions_at ON interactions (occurred_at);
CREATE INDEX interactions_deal ON interactions (deal_id) WHERE deal_id IS NOT NULL;

CREATE TABLE followups (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    deal_id      INTEGER REFERENCES deals (id) ON DELETE SET NULL,
    title        TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    due_date     TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    due_time     TEXT CHECK (due_time IS NULL OR due_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    done_at      INTEGER,
    snooze_count INTEGER NOT NULL DEFAULT 0 CHECK (snooze_count >= 0),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    archived_at  INTEGER,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX followups_customer ON followups (customer_id, done_at);
-- The launch path: open follow-ups by due date.
CREATE INDEX followups_open_due ON followups (due_date, due_time) WHERE done_at IS NULL AND archived_at IS NULL;
CREATE INDEX followups_deal ON followups (deal_id) WHERE deal_id IS NOT NULL;

CREATE TABLE orders (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    deal_id      INTEGER REFERENCES deals (id) ON DELETE SET NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    currency     TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
    ordered_at   INTEGER NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    archived_at  INTEGER,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX orders_customer ON orders (customer_id, ordered_at);
CREATE INDEX orders_at ON orders (ordered_at);
CREATE INDEX orders_deal ON orders (deal_id) WHERE deal_id IS NOT NULL;

-- One row per customer, kept exact in the same transaction as every write
-- that affects it. Dates here are local calendar dates (YYYY-MM-DD).
CREATE TABLE customer_stats (
    customer_id          INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    last_contact_at      INTEGER,
    last_inbound_at      INTEGER,
    unanswered_streak    INTEGER NOT NULL DEFAULT 0,
    next_followup_due    TEXT,
    next_followup_time   TEXT,
    open_followups       INTEGER NOT NULL DEFAULT 0,
    open_deals           INTEGER NOT NULL DEFAULT 0,
    open_pipeline_minor  INTEGER NOT NULL DEFAULT 0,
    last_order_at        INTEGER,
    order_count          INTEGER NOT NULL DEFAULT 0,
    median_order_gap_days REAL NOT NULL DEFAULT 0,
    open_complaints      INTEGER NOT NULL DEFAULT 0,
    last_complaint_at    INTEGER,
    last_feedback_score  INTEGER,
    last_feedback_at     INTEGER,
    -- sort keys and filters for the lists
    active               INTEGER NOT NULL DEFAULT 1,   -- not churned and not archived: scored and listed
    last_contact_day     TEXT,                          -- local date of last contact, or creation
    touch_due_on         TEXT,                          -- the day the customer becomes due for a touch (NULL: has open follow-up or churned)
    risk_score           INTEGER NOT NULL DEFAULT 0,
    risk_level           TEXT NOT NULL DEFAULT 'healthy' CHECK (risk_level IN ('healthy','watch','at_risk')),
    risk_reasons         TEXT NOT NULL DEFAULT '[]',
    risk_valid_until     TEXT NOT NULL DEFAULT '0000-00-00',
    risk_rhythm          INTEGER NOT NULL DEFAULT 0,    -- g the row was scored with
    stale                INTEGER NOT NULL DEFAULT 0     -- inputs changed outside a store write: recompute on Refresh
);
CREATE INDEX customer_stats_risk ON customer_stats (active, risk_score DESC, last_contact_day);
CREATE INDEX customer_stats_valid ON customer_stats (risk_valid_until);
CREATE INDEX customer_stats_touch ON customer_stats (active, touch_due_on) WHERE touch_due_on IS NOT NULL;
CREATE INDEX customer_stats_next ON customer_stats (active, next_followup_due);
CREATE INDEX customer_stats_contact ON customer_stats (active, last_contact_day);
CREATE INDEX customer_stats_stale ON customer_stats (stale) WHERE stale = 1;

-- Derived per open deal, rewritten with its customer's stats: the local date
-- the deal entered its stage (or had its last interaction) and the first
-- local date on which it counts as rotting (NULL: never).
CREATE TABLE deal_stats (
    deal_id     INTEGER PRIMARY KEY REFERENCES deals (id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL,
    stage_since TEXT NOT NULL,
    rot_on      TEXT
);
CREATE INDEX deal_stats_customer ON deal_stats (customer_id);
CREATE INDEX deal_stats_rot ON deal_stats (rot_on) WHERE rot_on IS NOT NULL;

-- The undo journal: one batch per user command.
CREATE TABLE change_batches (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    description TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done','undone'))
);
CREATE TABLE changes (
    id        INTEGER PRIMARY KEY,
    batch_id  INTEGER NOT NULL REFERENCES change_batches (id) ON DELETE CASCADE,
    tbl       TEXT NOT NULL,
    row_id    INTEGER NOT NULL,
    row_id_to INTEGER,           -- compact range: rows row_id..row_id_to were inserted
    before    TEXT,              -- JSON image, NULL for an insert
    after     TEXT               -- JSON image, NULL for a delete
);
CREATE INDEX changes_batch ON changes (batch_id, id);

-- Full-text search (trigram) over customers and interactions. External
-- content tables kept in sync by triggers; bulk loaders rebuild them.
CREATE VIRTUAL TABLE customers_fts USING fts5 (
    name, company, email, phone, notes,
    content = 'customers', content_rowid = 'id', tokenize = 'trigram', detail = full
);
CREATE TRIGGER customers_fts_ai AFTER INSERT ON customers BEGIN
    INSERT INTO customers_fts (rowid, name, company, email, phone, notes)
    VALUES (new.id, new.name, new.company, new.email, new.phone, new.notes);
END;
CREATE TRIGGER customers_fts_ad AFTER DELETE ON customers BEGIN
    INSERT INTO customers_fts (customers_fts, rowid, name, company, email, phone, notes)
    VALUES ('delete', old.id, old.name, old.company, old.email, old.phone, old.notes);
END;
CREATE TRIGGER customers_fts_au AFTER UPDATE OF name, company, email, phone, notes ON customers BEGIN
    INSERT INTO customers_fts (customers_fts, rowid, name, company, email, phone, notes)
    VALUES ('delete', old.id, old.name, old.company, old.email, old.phone, old.notes);
    INSERT INTO customers_fts (rowid, name, company, email, phone, notes)
    VALUES (new.id, new.name, new.company, new.email, new.phone, new.notes);
END;

CREATE VIRTUAL TABLE interactions_fts USING fts5 (
    summary, body,
    content = 'interactions', content_rowid = 'id', tokenize = 'trigram', detail = full
);
CREATE TRIGGER interactions_fts_ai AFTER INSERT ON interactions BEGIN
    INSERT INTO interactions_fts (rowid, summary, body) VALUES (new.id, new.summary, new.body);
END;
CREATE TRIGGER interactions_fts_ad AFTER DELETE ON interactions BEGIN
    INSERT INTO interactions_fts (interactions_fts, rowid, summary, body) VALUES ('delete', old.id, old.summary, old.body);
END;
CREATE TRIGGER interactions_fts_au AFTER UPDATE OF summary, body ON interactions BEGIN
    INSERT INTO interactions_fts (interactions_fts, rowid, summary, body) VALUES ('delete', old.id, old.summary, old.body);
    INSERT INTO interactions_fts (rowid, summary, body) VALUES (new.id, new.summary, new.body);
END;
