package db

import (
	"context"

	"github.com/rapportcrm/rapport/model"
)

// CustomerRevenue is what a customer has bought, per currency (the book
// currency first): in the last 365 days and in all.
type CustomerRevenue struct {
	Last365  []Amount
	Lifetime []Amount
}

// customerRevenue sums a customer's live orders per currency, from one
// pass over the customer's orders.
func customerRevenue(ctx context.Context, q Querier, id int64, since int64, book string) (CustomerRevenue, error) {
	var out CustomerRevenue
	rows, err := q.QueryContext(ctx, `SELECT currency, coalesce(sum(amount_minor), 0),
		coalesce(sum(CASE WHEN ordered_at >= ? THEN amount_minor END), 0)
		FROM orders WHERE customer_id = ? AND archived_at IS NULL
		GROUP BY currency ORDER BY currency <> ?, currency`, since, id, book)
	if err != nil {
		return out, overflowAs(err, "the customer's revenue")
	}
	defer rows.Close()
	for rows.Next() {
		var cur string
		var all, recent int64
		if err := rows.Scan(&cur, &all, &recent); err != nil {
			return out, overflowAs(err, "the customer's revenue")
		}
		out.Lifetime = append(out.Lifetime, Amount{Currency: cur, Minor: all})
		if recent != 0 {
			out.Last365 = append(out.Last365, Amount{Currency: cur, Minor: recent})
		}
	}
	return out, overflowAs(rows.Err(), "the customer's revenue")
}

// DoneFollowups returns a customer's most recently completed follow-ups,
// newest first.
func (d *DB) DoneFollowups(ctx context.Context, customerID int64, limit int) ([]model.Followup, error) {
	return followupRow.all(ctx, d.r, `WHERE customer_id = ? AND done_at IS NOT NULL AND archived_at IS NULL
		ORDER BY done_at DESC, id DESC LIMIT ?`, customerID, limit)
}

// Score is one feedback score a customer gave.
type Score struct {
	Score int
	At    int64 // unix seconds
}

// LastScores returns a customer's most recent feedback scores, newest
// first.
func (d *DB) LastScores(ctx context.Context, customerID int64, limit int) ([]Score, error) {
	rows, err := d.r.QueryContext(ctx, `SELECT score, occurred_at FROM interactions
		WHERE customer_id = ? AND kind = 'feedback' AND score IS NOT NULL AND archived_at IS NULL
		ORDER BY occurred_at DESC, id DESC LIMIT ?`, customerID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Score
	for rows.Next() {
		var s Score
		if err := rows.Scan(&s.Score, &s.At); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
