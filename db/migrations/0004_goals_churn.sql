-- Goals: a target for a month ('2026-12') or a quarter ('2026-Q4') on one
-- measure; one live goal per measure and period.
CREATE TABLE goals (
    id          INTEGER PRIMARY KEY,
    measure     TEXT NOT NULL CHECK (measure IN ('revenue','won','won_value','new_customers','interactions')),
    period      TEXT NOT NULL,
    target      INTEGER NOT NULL CHECK (target > 0),
    currency    TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    archived_at INTEGER,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX goals_live ON goals (measure, period) WHERE archived_at IS NULL;

-- When a customer last became churned (unix seconds), so reports can count
-- churn reasons by period. Kept by triggers, so every path that changes the
-- lifecycle (forms, the CLI, imports, undo) keeps it.
ALTER TABLE customers ADD COLUMN churned_at INTEGER;
UPDATE customers SET churned_at = updated_at WHERE lifecycle = 'churned';
CREATE TRIGGER customers_churned_on_insert AFTER INSERT ON customers
    WHEN NEW.lifecycle = 'churned' AND NEW.churned_at IS NULL
BEGIN
    UPDATE customers SET churned_at = NEW.updated_at WHERE id = NEW.id;
END;
CREATE TRIGGER customers_churned_on_update AFTER UPDATE OF lifecycle ON customers
    WHEN NEW.lifecycle = 'churned' AND OLD.lifecycle <> 'churned'
BEGIN
    UPDATE customers SET churned_at = NEW.updated_at WHERE id = NEW.id;
END;
CREATE INDEX customers_churned ON customers (churned_at) WHERE churned_at IS NOT NULL;
-- Feedback scores by time, for satisfaction reports.
CREATE INDEX interactions_feedback ON interactions (occurred_at, customer_id, score) WHERE kind = 'feedback' AND score IS NOT NULL AND archived_at IS NULL;
