package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"github.com/rapportcrm/rapport/model/i18n"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

const careCols = `id, customer_id, coalesce(contact_id, 0), kind, label, day, yearly, created_at, updated_at, coalesce(archived_at, 0), version`

func scanCare(s interface{ Scan(...any) error }, c *model.CareDate) error {
	var kind string
	if err := s.Scan(&c.ID, &c.CustomerID, &c.ContactID, &kind, &c.Label, &c.Day, &c.Yearly, &c.CreatedAt, &c.UpdatedAt, &c.ArchivedAt, &c.Version); err != nil {
		return err
	}
	c.Kind = model.CareKind(kind)
	return nil
}

// CareDates returns a customer's live care dates: birthdays first, then the
// anniversary, then labelled dates by month and day.
func (d *DB) CareDates(ctx context.Context, customerID int64) ([]model.CareDate, error) {
	return careDates(ctx, d.r, customerID)
}

func careDates(ctx context.Context, q Querier, customerID int64) ([]model.CareDate, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+careCols+` FROM care_dates WHERE customer_id = ? AND archived_at IS NULL
		ORDER BY CASE kind WHEN 'birthday' THEN 0 WHEN 'anniversary' THEN 1 ELSE 2 END, substr(day, -5), id`, customerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.CareDate
	for rows.Next() {
		var c model.CareDate
		if err := scanCare(rows, &c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// AllCareDates returns every live care date of live customers, by customer
// (exports).
func (d *DB) AllCareDates(ctx context.Context) (map[int64][]model.CareDate, error) {
	rows, err := d.r.QueryContext(ctx, `SELECT `+careCols+` FROM care_dates WHERE archived_at IS NULL ORDER BY customer_id, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]model.CareDate{}
	for rows.Next() {
		var c model.CareDate
		if err := scanCare(rows, &c); err != nil {
			return nil, err
		}
		out[c.CustomerID] = append(out[c.CustomerID], c)
	}
	return out, rows.Err()
}

// findCare returns the live birthday of (customer, contact) or the live
// anniversary of a customer; ok false when there is none.
func (t *Tx) findCare(customerID, contactID int64, kind model.CareKind) (model.CareDate, bool, error) {
	var c model.CareDate
	err := scanCare(t.tx.QueryRowContext(t.ctx, `SELECT `+careCols+` FROM care_dates
		WHERE customer_id = ? AND coalesce(contact_id, 0) = ? AND kind = ? AND archived_at IS NULL`, customerID, contactID, string(kind)), &c)
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	return c, err == nil, err
}

// SetCareDay sets (or, with day "", clears) the birthday of a contact
// (contactID 0: the customer's own) or the anniversary of a customer. day
// is read with model.ParseCareDay.
func (t *Tx) SetCareDay(customerID, contactID int64, kind model.CareKind, day string) error {
	if kind != model.CareBirthday && kind != model.CareAnniversary {
		return fmt.Errorf("SetCareDay: kind %q", kind)
	}
	if err := t.checkCustomer(customerID); err != nil {
		return err
	}
	if kind == model.CareAnniversary {
		contactID = 0
	}
	cur, ok, err := t.findCare(customerID, contactID, kind)
	if err != nil {
		return err
	}
	day = strings.TrimSpace(day)
	if day == "" {
		if ok {
			return t.Update("care_dates", cur.ID, 0, []string{"archived_at"}, []any{t.now.Unix()})
		}
		return nil
	}
	parsed, err := model.ParseCareDay(day)
	if err != nil {
		return model.Invalid(string(kind), "%v", err)
	}
	c := model.CareDate{CustomerID: customerID, ContactID: contactID, Kind: kind, Day: parsed, Yearly: true}
	if err := c.Validate(); err != nil {
		return err
	}
	if ok {
		if cur.Day == parsed {
			return nil
		}
		return t.Update("care_dates", cur.ID, 0, []string{"day"}, []any{parsed})
	}
	_, err = t.Insert("care_dates", []string{"customer_id", "contact_id", "kind", "day", "yearly"},
		[]any{customerID, nullID(contactID), string(kind), parsed, true})
	return err
}

// AddCareDate adds a labelled date (or a birthday or anniversary, which
// replaces the one there was) and returns its id.
func (t *Tx) AddCareDate(c *model.CareDate) (int64, error) {
	c.Label = strings.TrimSpace(c.Label)
	if p, err := model.ParseCareDay(c.Day); err == nil {
		c.Day = p
	}
	if err := c.Validate(); err != nil {
		return 0, err
	}
	if err := t.checkCustomer(c.CustomerID); err != nil {
		return 0, err
	}
	if c.Kind != model.CareLabelled {
		if err := t.SetCareDay(c.CustomerID, c.ContactID, c.Kind, c.Day); err != nil {
			return 0, err
		}
		cur, _, err := t.findCare(c.CustomerID, c.ContactID, c.Kind)
		c.ID = cur.ID
		return cur.ID, err
	}
	id, err := t.Insert("care_dates", []string{"customer_id", "contact_id", "kind", "label", "day", "yearly"},
		[]any{c.CustomerID, nullID(c.ContactID), string(c.Kind), c.Label, c.Day, c.Yearly})
	c.ID = id
	return id, err
}

// RemoveCareDate archives a care date of a customer.
func (t *Tx) RemoveCareDate(customerID, id int64) error {
	var n int
	if err := t.tx.QueryRowContext(t.ctx, `SELECT count(*) FROM care_dates WHERE id = ? AND customer_id = ? AND archived_at IS NULL`, id, customerID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return i18n.Errorf("care date %d: %w (list them with rapport date list CUSTOMER)", id, model.ErrNotFound)
	}
	return t.Update("care_dates", id, 0, []string{"archived_at"}, []any{t.now.Unix()})
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// CareDay returns the day of a live birthday or anniversary ("" when none).
func (d *DB) CareDay(ctx context.Context, customerID, contactID int64, kind model.CareKind) (string, error) {
	var day string
	err := d.r.QueryRowContext(ctx, `SELECT day FROM care_dates WHERE customer_id = ? AND coalesce(contact_id, 0) = ? AND kind = ? AND archived_at IS NULL`,
		customerID, contactID, string(kind)).Scan(&day)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return day, err
}
