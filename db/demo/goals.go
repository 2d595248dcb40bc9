package demo

import (
	"context"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// setGoals gives the sample book the goals a salesperson would set: this
// month's revenue at a tenth above the average of the three months before,
// and this quarter's deals won at one more than last quarter's. They are
// written without an undo entry, so the first `u` undoes the user's own
// first change, not the sample's goals.
func setGoals(ctx context.Context, d *db.DB, now time.Time) error {
	today := model.DayOf(now)
	loc := now.Location()
	month := model.MonthOf(today)
	from, _ := month.Bounds()
	set, err := d.Settings(ctx)
	if err != nil {
		return err
	}
	var revenue3, won int64
	if err := d.Reader().QueryRowContext(ctx, `SELECT coalesce(sum(amount_minor), 0) FROM orders
		WHERE currency = ? AND ordered_at >= ? AND ordered_at < ? AND archived_at IS NULL`,
		set.Currency, from.AddMonths(-3).In(loc).Unix(), from.In(loc).Unix()).Scan(&revenue3); err != nil {
		return err
	}
	quarter := model.QuarterOf(today)
	qFrom, _ := quarter.Bounds()
	if err := d.Reader().QueryRowContext(ctx, `SELECT count(*) FROM deals WHERE status = 'won' AND closed_at >= ? AND closed_at < ? AND archived_at IS NULL`,
		qFrom.AddMonths(-3).In(loc).Unix(), qFrom.In(loc).Unix()).Scan(&won); err != nil {
		return err
	}
	target := roundTarget(revenue3/3*11/10, model.CurrencyDigits(set.Currency))
	return d.Write(ctx, "", func(t *db.Tx) error {
		at := now.Unix()
		if target > 0 {
			if _, err := t.Q().ExecContext(ctx, `INSERT INTO goals (measure, period, target, currency, created_at, updated_at) VALUES ('revenue', ?, ?, ?, ?, ?)`,
				month.String(), target, set.Currency, at, at); err != nil {
				return err
			}
		}
		_, err := t.Q().ExecContext(ctx, `INSERT INTO goals (measure, period, target, currency, created_at, updated_at) VALUES ('won', ?, ?, '', ?, ?)`,
			quarter.String(), max(won+1, 3), at, at)
		return err
	})
}

// roundTarget rounds minor units up to two significant digits of the
// major unit (a target people would set: 132,000, not 131,734.18).
func roundTarget(minor int64, digits int) int64 {
	unit := int64(1)
	for range digits {
		unit *= 10
	}
	major := (minor + unit - 1) / unit
	step := int64(1)
	for major/step >= 100 {
		step *= 10
	}
	return (major + step - 1) / step * step * unit
}
