package db

import (
	"context"

	"github.com/rapportcrm/rapport/model"
)

// earliestTime is 1971-01-01 UTC: no sales record is older (and 0 means "none").
const earliestTime = 365 * 86400

// ValidateAll checks every customer, deal, interaction, follow-up and order
// in t as the stores check what they write: each row's fields (the model's
// Validate, amounts within bounds), that its dates are calendar dates, and
// that interactions and orders are not dated after today. It is for restores
// that write rows directly (import json). The first bad row is a *RowError
// naming the table, the id and what is wrong; the caller rolls back.
func (t *Tx) ValidateAll() error {
	latest := t.now.AddDate(0, 0, 1).Unix()
	if err := validateRows(t.ctx, t.tx, customerRow, func(c *model.Customer) error { return c.Validate() }); err != nil {
		return err
	}
	if err := validateRows(t.ctx, t.tx, dealRow, func(d *model.Deal) error { return d.Validate() }); err != nil {
		return err
	}
	if err := validateRows(t.ctx, t.tx, interactionRow, func(i *model.Interaction) error {
		if err := i.Validate(); err != nil {
			return err
		}
		return timeInRange("date", i.OccurredAt, latest)
	}); err != nil {
		return err
	}
	if err := validateRows(t.ctx, t.tx, followupRow, func(f *model.Followup) error { return f.Validate() }); err != nil {
		return err
	}
	return validateRows(t.ctx, t.tx, orderRow, func(o *model.Order) error {
		if err := o.Validate(); err != nil {
			return err
		}
		return timeInRange("date", o.OrderedAt, latest)
	})
}

// timeInRange refuses a moment before 1971 or after latest.
func timeInRange(field string, at, latest int64) error {
	if at < earliestTime || at > latest {
		return model.Invalid(field, "%d is not a moment between 1971 and today (unix seconds)", at)
	}
	return nil
}

// validateRows reads every row of a table with shape and checks it with
// check, stopping at the first problem.
func validateRows[T any](ctx context.Context, q Querier, shape rowShape[T], check func(*T) error) error {
	rows, err := q.QueryContext(ctx, `SELECT `+shape.cols+` FROM `+shape.table+` ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		v, err := shape.scan(rows)
		if err != nil {
			return err
		}
		if err := check(&v); err != nil {
			id := int64(0)
			if p, ok := shape.dest(&v)[0].(*int64); ok {
				id = *p
			}
			return &RowError{Table: shape.table, ID: id, Err: err}
		}
	}
	return rows.Err()
}
