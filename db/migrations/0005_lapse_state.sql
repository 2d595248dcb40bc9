-- The lapse model's part of each row (SPEC §3), so the daily refresh can
-- re-score a customer whose lapse points moved with the calendar without
-- reading its interactions, follow-ups and deals again: its order summary
-- ("last order day,order-days in the year,book-currency orders,their
-- total,usual gap,the day that summary stops holding", days as day
-- numbers; '' when the silence ladder scores it), the reasons a person
-- caused as stored JSON with their points, and the first day anything but
-- the lapse points could change.
ALTER TABLE customer_stats ADD COLUMN lapse_state TEXT NOT NULL DEFAULT '';
ALTER TABLE customer_stats ADD COLUMN person_reasons TEXT NOT NULL DEFAULT '[]';
ALTER TABLE customer_stats ADD COLUMN person_points INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customer_stats ADD COLUMN person_valid_until TEXT NOT NULL DEFAULT '0000-00-00';
