-- Playbooks (issue 24): rules that schedule follow-ups when something
-- happens to a customer. The default rules are written by the migration's
-- Go step (seedPlaybooks), in the book's language.
CREATE TABLE playbooks (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    practice    TEXT NOT NULL DEFAULT '',
    event       TEXT NOT NULL CHECK (event IN ('customer_added','first_contact','deal_stage','deal_won','deal_lost','order',
                                               'complaint','low_feedback','unanswered','at_risk','every','holiday')),
    event_days  INTEGER NOT NULL DEFAULT 0 CHECK (event_days BETWEEN 0 AND 3650),
    stage_id    INTEGER REFERENCES stages (id),
    tier        TEXT NOT NULL DEFAULT '' CHECK (tier IN ('','A','B','C')),
    tag         TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    after_days  INTEGER NOT NULL DEFAULT 0 CHECK (after_days BETWEEN 0 AND 3650),
    after_hours INTEGER NOT NULL DEFAULT 0 CHECK (after_hours BETWEEN 0 AND 72),
    at_time     TEXT CHECK (at_time IS NULL OR at_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0,1)),
    holidays    TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    archived_at INTEGER,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX playbooks_name ON playbooks (name COLLATE NOCASE) WHERE archived_at IS NULL;

-- The rule that made a follow-up (NULL: the user's own).
ALTER TABLE followups ADD COLUMN playbook_id INTEGER REFERENCES playbooks (id) ON DELETE SET NULL;
-- A rule's own open follow-up of a customer, and its follow-ups by age for
-- the Playbooks view.
CREATE INDEX followups_playbook ON followups (playbook_id, customer_id, done_at) WHERE playbook_id IS NOT NULL;
CREATE INDEX followups_playbook_made ON followups (playbook_id, created_at) WHERE playbook_id IS NOT NULL;

-- What a time-based rule last did for a customer: the day it fired and the
-- episode it fired for (the unanswered outreach's day; 'at_risk' while the
-- customer stays at risk), so it fires once per episode or every N days.
CREATE TABLE playbook_marks (
    playbook_id INTEGER NOT NULL REFERENCES playbooks (id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    episode     TEXT NOT NULL DEFAULT '',
    fired_on    TEXT NOT NULL,
    PRIMARY KEY (playbook_id, customer_id)
) WITHOUT ROWID;

-- The refresh's at-risk and unanswered passes read only the rows they need.
CREATE INDEX customer_stats_at_risk ON customer_stats (customer_id) WHERE risk_level = 'at_risk' AND active = 1;
CREATE INDEX customer_stats_unanswered ON customer_stats (last_contact_day, customer_id) WHERE unanswered_streak > 0 AND active = 1;
CREATE INDEX customer_stats_tier_live ON customer_stats (tier, customer_id) WHERE active = 1;
