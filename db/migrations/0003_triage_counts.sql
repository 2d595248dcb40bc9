-- Launch counts from indexed customer_stats columns, without walking
-- follow-ups and deals or joining customers: live (not archived), the
-- customer's tier (for the touch list's order), and date-based counts of
-- overdue follow-ups, follow-ups due today and rotting deals as of the day the row was computed
-- (both are risk_valid_until boundaries, so Refresh keeps them exact).
ALTER TABLE customer_stats ADD COLUMN live INTEGER NOT NULL DEFAULT 1;
ALTER TABLE customer_stats ADD COLUMN tier TEXT NOT NULL DEFAULT 'C';
ALTER TABLE customer_stats ADD COLUMN overdue_followups INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customer_stats ADD COLUMN rotting_deals INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customer_stats ADD COLUMN due_today_followups INTEGER NOT NULL DEFAULT 0;
-- The first day a follow-up of the customer becomes due: only the counts
-- above change then, which Refresh updates without recomputing the row.
ALTER TABLE customer_stats ADD COLUMN counts_valid_until TEXT NOT NULL DEFAULT '0000-00-00';
-- The customer's contacts in the 365 days up to the row's computation and
-- their median gap: the inputs of the book's rhythm g.
ALTER TABLE customer_stats ADD COLUMN rhythm_n INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customer_stats ADD COLUMN rhythm_gap REAL NOT NULL DEFAULT 0;
-- Book-currency revenue of the orders since revenue_from (unix, the start
-- of the local day 364 days before the row's day): the segmentation's
-- input. The daily refresh subtracts the orders that left the window.
ALTER TABLE customer_stats ADD COLUMN revenue_365 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customer_stats ADD COLUMN revenue_from INTEGER NOT NULL DEFAULT 0;
CREATE INDEX customer_stats_revenue ON customer_stats (customer_id, revenue_365) WHERE revenue_365 > 0 AND live = 1;
CREATE INDEX customer_stats_overdue ON customer_stats (live, overdue_followups) WHERE overdue_followups > 0;
CREATE INDEX customer_stats_due_today ON customer_stats (live, due_today_followups) WHERE due_today_followups > 0;
CREATE INDEX customer_stats_counts_valid ON customer_stats (counts_valid_until);
CREATE INDEX customer_stats_rotting ON customer_stats (live, rotting_deals) WHERE rotting_deals > 0;
CREATE INDEX customer_stats_touch_tier ON customer_stats (active, tier, touch_due_on) WHERE touch_due_on IS NOT NULL;
CREATE INDEX deal_stats_rot_since ON deal_stats (stage_since) WHERE rot_on IS NOT NULL;
CREATE INDEX followups_open_timed ON followups (due_date, due_time, customer_id) WHERE done_at IS NULL AND archived_at IS NULL AND due_time IS NOT NULL;
-- Existing rows are rebuilt by the next Refresh.
UPDATE customer_stats SET stale = 1;
-- The daily segmentation reads a year of revenue and every unpinned tier
-- from these covering indexes instead of the wide tables.
CREATE INDEX orders_revenue ON orders (ordered_at, currency, customer_id, amount_minor) WHERE archived_at IS NULL;
CREATE INDEX customers_unpinned_tier ON customers (id, tier) WHERE tier_pinned = 0 AND archived_at IS NULL;
-- The customer list's sorts read pages straight from an index.
CREATE INDEX customer_stats_list_risk ON customer_stats (active DESC, risk_score DESC, last_contact_day, customer_id);
CREATE INDEX customer_stats_list_contact ON customer_stats (last_contact_day, customer_id);
CREATE INDEX customer_stats_list_next ON customer_stats (coalesce(next_followup_due, '9999-12-31'), coalesce(next_followup_time, ''), customer_id);
CREATE INDEX customer_stats_list_value ON customer_stats (open_pipeline_minor DESC, customer_id);
-- Superseded by the list indexes above (every index is work on each write).
DROP INDEX customer_stats_risk;
DROP INDEX customer_stats_next;
DROP INDEX customer_stats_contact;
