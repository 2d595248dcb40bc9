package db

import (
	"context"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// The daily segmentation (SPEC §3): ABC tiers from the last 365 days of
// revenue, computed by Refresh on a new day and by `rapport segment`.

// TierChange is one customer's tier moved by segmentation.
type TierChange struct {
	CustomerID int64
	Name       string
	From, To   model.Tier
}

func tierIDs(cs []TierChange) []int64 {
	out := make([]int64, len(cs))
	for i, c := range cs {
		out[i] = c.CustomerID
	}
	return out
}

// applyTiers computes ABC tiers from the last 365 days of book-currency
// revenue and, unless dryRun, writes the changes (pinned tiers are kept).
// With t set the changes are journaled as a user command.
func applyTiers(ctx context.Context, q Querier, now time.Time, currency string, dryRun bool, t *Tx) ([]TierChange, error) {
	rev, _, err := currentRevenue(ctx, q, now)
	if err != nil {
		return nil, err
	}
	return applyTiersFrom(ctx, q, rev, now, dryRun, t)
}

// canCarryRevenue reports whether revenue stored for the window starting at
// lastStart can be brought forward to newStart by subtracting the orders
// in between (not on a first refresh, a clock that went back, or a gap of
// more than a year).
func canCarryRevenue(lastStart, newStart int64) bool {
	return lastStart != 0 && lastStart <= newStart && newStart-lastStart <= 400*86400
}

// sumByCustomer runs a query of (customer id, amount) rows and adds the
// amounts up per customer.
func sumByCustomer(ctx context.Context, q Querier, query string, args ...any) (map[int64]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var id, amount int64
		if err := rows.Scan(&id, &amount); err != nil {
			return nil, err
		}
		out[id] += amount
	}
	return out, rows.Err()
}

// currentRevenue returns every live customer's book-currency revenue over
// the last 365 days as of now: the materialised revenue_365 less the orders
// that left the window since the last refresh (the leavers, also returned
// so a refresh can write them), or — when that cannot be done — one pass
// over a year of orders.
func currentRevenue(ctx context.Context, q Querier, now time.Time) (map[int64]int64, map[int64]int64, error) {
	set, err := loadSettings(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	newStart := revenueFrom(model.DayOf(now), now.Location())
	if !canCarryRevenue(set.RevenueFrom, newStart) {
		rev, err := sumByCustomer(ctx, q, `SELECT customer_id, amount_minor FROM orders INDEXED BY orders_revenue
			WHERE archived_at IS NULL AND ordered_at >= ? AND currency = ?`, newStart, set.Currency)
		return rev, nil, err
	}
	// A customer's stored revenue counts orders from its revenue_from on.
	leavers, err := sumByCustomer(ctx, q, `SELECT o.customer_id, o.amount_minor FROM orders o INDEXED BY orders_revenue
		JOIN customer_stats s ON s.customer_id = o.customer_id
		WHERE o.archived_at IS NULL AND o.ordered_at >= ? AND o.ordered_at < ? AND o.currency = ? AND o.ordered_at >= s.revenue_from`,
		set.RevenueFrom, newStart, set.Currency)
	if err != nil {
		return nil, nil, err
	}
	rev, err := sumByCustomer(ctx, q, `SELECT customer_id, revenue_365 FROM customer_stats INDEXED BY customer_stats_revenue WHERE revenue_365 > 0 AND live = 1`)
	if err != nil {
		return nil, nil, err
	}
	for id, amount := range leavers {
		if rev[id] -= amount; rev[id] <= 0 {
			delete(rev, id)
		}
	}
	return rev, leavers, nil
}

// applyTiersFrom computes ABC tiers from revenue and, unless dryRun, writes
// the changes (pinned tiers are kept); with t set they are journaled.
func applyTiersFrom(ctx context.Context, q Querier, rev map[int64]int64, now time.Time, dryRun bool, t *Tx) ([]TierChange, error) {
	tiers, err := tiersAcrossCurrencies(ctx, q, rev, now) // other currencies: converted, or ranked among themselves
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT id, tier FROM customers INDEXED BY customers_unpinned_tier WHERE tier_pinned = 0 AND archived_at IS NULL ORDER BY id`)
	if err != nil {
		return nil, err
	}
	var changes []TierChange
	for rows.Next() {
		var c TierChange
		var cur string
		if err := rows.Scan(&c.CustomerID, &cur); err != nil {
			rows.Close()
			return nil, err
		}
		want, ok := tiers[c.CustomerID]
		if !ok {
			want = model.TierC
		}
		if model.Tier(cur) != want {
			c.From, c.To = model.Tier(cur), want
			changes = append(changes, c)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range changes {
		if err := q.QueryRowContext(ctx, `SELECT name FROM customers WHERE id = ?`, changes[i].CustomerID).Scan(&changes[i].Name); err != nil {
			return nil, err
		}
	}
	if dryRun {
		return changes, nil
	}
	return applyTierChanges(ctx, q, now, changes, t)
}

// applyTierChanges writes tier changes (journaled when t is set) and
// records them in the tier history.
func applyTierChanges(ctx context.Context, q Querier, now time.Time, changes []TierChange, t *Tx) ([]TierChange, error) {
	for _, c := range changes {
		if err := recordTierChange(ctx, q, c.CustomerID, c.From, c.To, now.Unix()); err != nil {
			return nil, err
		}
		if t != nil {
			if err := t.Update("customers", c.CustomerID, 0, []string{"tier"}, []any{string(c.To)}); err != nil {
				return nil, err
			}
			t.Touch(c.CustomerID)
			continue
		}
		// The daily segmentation is not a user command: no journal, and no
		// version bump, so it never makes an open form conflict.
		if _, err := q.ExecContext(ctx, `UPDATE customers SET tier = ? WHERE id = ?`, string(c.To), c.CustomerID); err != nil {
			return nil, err
		}
	}
	return changes, nil
}

// Segment recomputes tiers now as a user command (rapport segment) and
// returns the changes; dryRun writes nothing.
func (d *DB) Segment(ctx context.Context, dryRun bool) ([]TierChange, error) {
	set, err := loadSettings(ctx, d.r)
	if err != nil {
		return nil, err
	}
	if dryRun {
		return applyTiers(ctx, d.r, d.now(), set.Currency, true, nil)
	}
	var out []TierChange
	err = d.Write(ctx, "segment customers", func(t *Tx) error {
		out, err = applyTiers(ctx, t.tx, t.now, set.Currency, false, t)
		return err
	})
	return out, err
}

// recordTierChange keeps the tier history reports count from.
func recordTierChange(ctx context.Context, q Querier, customerID int64, from, to model.Tier, at int64) error {
	if from == to || from == "" {
		return nil
	}
	_, err := q.ExecContext(ctx, `INSERT INTO tier_changes (customer_id, from_tier, to_tier, changed_at) VALUES (?, ?, ?, ?)`, customerID, string(from), string(to), at)
	return err
}
