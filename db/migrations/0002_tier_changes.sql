-- Tier history: every change of a customer's tier, by the daily
-- segmentation, `rapport segment` or an edit, so reports can tell how many
-- customers changed tier this month.
CREATE TABLE tier_changes (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    from_tier   TEXT NOT NULL CHECK (from_tier IN ('A','B','C')),
    to_tier     TEXT NOT NULL CHECK (to_tier IN ('A','B','C')),
    changed_at  INTEGER NOT NULL
);
CREATE INDEX tier_changes_at ON tier_changes (changed_at);
CREATE INDEX tier_changes_customer ON tier_changes (customer_id);
