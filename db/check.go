package db

import (
	"context"
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// CheckReport is what `rapport check` found.
type CheckReport struct {
	Integrity   string           // "ok" or the problems quick_check listed
	ForeignKeys int              // rows failing foreign_key_check
	StatsDiffs  []string         // customers whose stored stats differ from a recompute
	Counts      map[string]int64 // rows per table (live, archived included)
	// BadAmounts lists orders and deals whose amount is negative or beyond
	// model.MaxAmountMajor (written by hand or by an older rapport).
	BadAmounts []string
	// NotCompared says what of the materialised data was not compared with
	// a recompute, and why.
	NotCompared []string
}

// OK reports whether the check found nothing wrong.
func (r CheckReport) OK() bool {
	return r.Integrity == "ok" && r.ForeignKeys == 0 && len(r.StatsDiffs) == 0 && len(r.BadAmounts) == 0
}

// statsColumns are compared between the stored stats and a recompute.
const statsColumns = `customer_id, last_contact_at, last_inbound_at, unanswered_streak, next_followup_due, next_followup_time, open_followups,
	open_deals, open_pipeline_minor, last_order_at, order_count, median_order_gap_days, open_complaints, last_complaint_at,
	last_feedback_score, last_feedback_at, active, last_contact_day, touch_due_on, risk_score, risk_level,
	live, tier, overdue_followups, rotting_deals, due_today_followups, revenue_365, risk_rhythm,
	(SELECT json_group_array(json_extract(value, '$.code') || ':' || json_extract(value, '$.points')) FROM json_each(risk_reasons)) AS reasons`

// The reasons' text holds day counts and risk_valid_until may be set from an
// earlier day; both are compared by what they mean: reasons by code and
// points, the validity dates by never lasting longer than a recompute says.

// reasonWording is what Check never compares, and why.
const reasonWording = "the wording of risk reasons (re-worded each day; their codes and points are compared)"

// Check runs quick_check, the foreign key check, and compares every
// customer's stored stats and risk with a fresh recompute. It refreshes
// first (as every verb that reads risk does), so a book last opened on an
// earlier day is compared with what today's refresh makes of it, never
// reported as different just because days have passed. The recompute runs
// in a transaction that is rolled back.
func (d *DB) Check(ctx context.Context) (CheckReport, error) {
	rep := CheckReport{Counts: map[string]int64{}}
	q := d.direct()
	rows, err := q.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return rep, mapError(err)
	}
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return rep, err
		}
		problems = append(problems, s)
	}
	rows.Close()
	rep.Integrity = strings.Join(problems, "; ")
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM pragma_foreign_key_check").Scan(&rep.ForeignKeys); err != nil {
		return rep, err
	}
	for _, t := range []string{"customers", "contacts", "tags", "deals", "interactions", "followups", "orders", "stages", "change_batches"} {
		var n int64
		if err := q.QueryRowContext(ctx, "SELECT count(*) FROM "+t).Scan(&n); err != nil {
			return rep, err
		}
		rep.Counts[t] = n
	}
	if rep.BadAmounts, err = badAmounts(ctx, q); err != nil {
		return rep, err
	}
	if rep.Integrity != "ok" {
		return rep, nil // a damaged file is not refreshed or recomputed
	}
	if _, err := d.Refresh(ctx); err != nil {
		return rep, err
	}
	// The comparison recomputes in a transaction it rolls back. On a
	// private copy of the book it holds no lock on the book itself, so other
	// writers are not kept waiting for minutes on a large book; a read-only
	// book can only be compared that way.
	cmp := d
	if d.scratch == "" {
		if cp, err := d.ReadCopy(ctx); err == nil {
			defer cp.Close()
			cmp = cp
		} else if d.readOnly {
			rep.NotCompared = []string{fmt.Sprintf("stats, risk and deal stats (the book is read-only for this user and no temporary copy could be made: %v)", err)}
			return rep, nil
		}
	}
	if cmp != d {
		// A read-only book's stored rows may be from an earlier day.
		if _, err := cmp.Refresh(ctx); err != nil {
			return rep, err
		}
	}
	rep.NotCompared = []string{reasonWording}
	diffs, err := cmp.compareStats(ctx)
	rep.StatsDiffs = diffs
	return rep, err
}

// compareStats recomputes every customer's stats and risk in a transaction
// it rolls back and lists what differs from the stored rows.
func (d *DB) compareStats(ctx context.Context) ([]string, error) {
	var out []string
	tx, err := d.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, mapError(err)
	}
	defer tx.Rollback()
	for _, q := range []string{
		`CREATE TEMP TABLE check_stats AS SELECT ` + statsColumns + ` FROM customer_stats`,
		`CREATE TEMP TABLE check_valid AS SELECT customer_id, risk_valid_until, counts_valid_until FROM customer_stats`,
		`CREATE TEMP TABLE check_deals AS SELECT deal_id, customer_id, stage_since, rot_on FROM deal_stats`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return nil, err
		}
	}
	if err := d.recomputeStats(ctx, tx, nil, d.now()); err != nil {
		return nil, err
	}
	if err := appendIDs(ctx, tx, &out, "customer %d", `SELECT customer_id FROM (SELECT `+statsColumns+` FROM customer_stats EXCEPT SELECT * FROM check_stats
		UNION SELECT * FROM check_stats EXCEPT SELECT `+statsColumns+` FROM customer_stats) ORDER BY customer_id LIMIT 20`); err != nil {
		return nil, err
	}
	// A stored validity date may be earlier than a recompute's (that only
	// costs an early recompute), never later (a change would be missed).
	if err := appendIDs(ctx, tx, &out, "customer %d (valid until)", `SELECT s.customer_id FROM customer_stats s JOIN check_valid c USING (customer_id)
		WHERE c.risk_valid_until > s.risk_valid_until OR c.counts_valid_until > s.counts_valid_until ORDER BY 1 LIMIT 20`); err != nil {
		return nil, err
	}
	err = appendIDs(ctx, tx, &out, "deal %d", `SELECT deal_id FROM (SELECT deal_id, customer_id, stage_since, rot_on FROM deal_stats EXCEPT SELECT * FROM check_deals
		UNION SELECT * FROM check_deals EXCEPT SELECT deal_id, customer_id, stage_since, rot_on FROM deal_stats) ORDER BY 1 LIMIT 20`)
	return out, err
}

// appendIDs appends one formatted entry per id the query returns.
func appendIDs(ctx context.Context, q Querier, out *[]string, format, query string) error {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		*out = append(*out, fmt.Sprintf(format, id))
	}
	return rows.Err()
}

// IsEmpty reports whether the book holds no customers (archived included).
func (d *DB) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := d.r.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM customers LIMIT 1)`).Scan(&n)
	return n == 0, err
}

// SQLiteVersion returns the engine's version string.
func (d *DB) SQLiteVersion(ctx context.Context) (string, error) {
	var v string
	err := d.r.QueryRowContext(ctx, "SELECT sqlite_version()").Scan(&v)
	return v, err
}

// badAmounts lists (up to 20) orders and deals with an amount out of bounds.
func badAmounts(ctx context.Context, q Querier) ([]string, error) {
	var out []string
	for _, t := range []struct{ table, col, noun string }{{"orders", "amount_minor", "order"}, {"deals", "value_minor", "deal"}} {
		rows, err := q.QueryContext(ctx, `SELECT id, `+t.col+`, currency FROM `+t.table+` WHERE `+t.col+` < 0 OR `+t.col+` > ? ORDER BY id`, model.MaxAmountMajor)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id, minor int64
			var cur string
			if err := rows.Scan(&id, &minor, &cur); err != nil {
				rows.Close()
				return nil, err
			}
			if model.ValidateAmount("amount", minor, cur) != nil && len(out) < 20 {
				out = append(out, fmt.Sprintf("%s %d (%s)", t.noun, id, model.FormatMinor(minor, cur)))
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
