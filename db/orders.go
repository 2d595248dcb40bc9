package db

import (
	"context"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// orderRow reads orders.
var orderRow = rowShape[model.Order]{
	table: "orders",
	cols:  `id, customer_id, coalesce(deal_id, 0), amount_minor, currency, ordered_at, note, created_at, updated_at, coalesce(archived_at, 0), version`,
	dest: func(o *model.Order) []any {
		return []any{&o.ID, &o.CustomerID, &o.DealID, &o.AmountMinor, &o.Currency, &o.OrderedAt, &o.Note, &o.CreatedAt, &o.UpdatedAt, &o.ArchivedAt, &o.Version}
	},
}

// CreateOrder records a purchase inside t.
func (t *Tx) CreateOrder(o *model.Order) (int64, error) {
	o.Currency = strings.ToUpper(strings.TrimSpace(o.Currency))
	if o.OrderedAt == 0 {
		o.OrderedAt = t.now.Unix()
	}
	if err := o.Validate(); err != nil {
		return 0, err
	}
	if err := t.checkCustomer(o.CustomerID); err != nil {
		return 0, err
	}
	if o.DealID != 0 {
		var cid int64
		if err := t.tx.QueryRowContext(t.ctx, `SELECT customer_id FROM deals WHERE id = ?`, o.DealID).Scan(&cid); err != nil || cid != o.CustomerID {
			return 0, model.Invalid("deal", "deal %d is not a deal of this customer", o.DealID)
		}
	}
	id, err := t.Insert("orders", []string{"customer_id", "deal_id", "amount_minor", "currency", "ordered_at", "note"},
		[]any{o.CustomerID, nullInt(o.DealID), o.AmountMinor, o.Currency, o.OrderedAt, o.Note})
	if err != nil {
		return 0, err
	}
	o.ID = id
	t.Touch(o.CustomerID)
	t.notice(model.EventOrder, o.CustomerID, o.DealID, 0)
	return id, nil
}

// UpdateOrder saves an edited order (checking its version).
func (t *Tx) UpdateOrder(o *model.Order) error {
	o.Currency = strings.ToUpper(strings.TrimSpace(o.Currency))
	if err := o.Validate(); err != nil {
		return err
	}
	if err := t.Update("orders", o.ID, o.Version, []string{"amount_minor", "currency", "ordered_at", "note"},
		[]any{o.AmountMinor, o.Currency, o.OrderedAt, o.Note}); err != nil {
		return err
	}
	t.Touch(o.CustomerID)
	return nil
}

// RecentOrders returns a customer's latest orders.
func (d *DB) RecentOrders(ctx context.Context, customerID int64, limit int) ([]model.Order, error) {
	return orderRow.all(ctx, d.r, `WHERE customer_id = ? AND archived_at IS NULL ORDER BY ordered_at DESC, id DESC LIMIT ?`, customerID, limit)
}
