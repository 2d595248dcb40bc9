package db

import (
	"context"
	"database/sql"
	"errors"
	"unicode"

	"github.com/rapportcrm/rapport/model"
)

// TemplateContext is what a template is filled and picked with for one
// customer (and, when given, one follow-up).
type TemplateContext struct {
	Values model.TemplateValues
	For    model.TemplateFor
	// FollowupTitle is the follow-up's title ("" without one).
	FollowupTitle string
}

// TemplateContext reads the placeholders' values for a customer: its
// primary contact, days since the last contact, the last order's day, and
// the deal and due date of followupID (0: the customer's first open deal
// and next follow-up).
func (d *DB) TemplateContext(ctx context.Context, customerID, followupID int64) (TemplateContext, error) {
	var tc TemplateContext
	c, err := d.Customer(ctx, customerID)
	if err != nil {
		return tc, err
	}
	today := d.Today()
	loc := d.now().Location()
	v := model.TemplateValues{Name: c.Name, Company: c.Company, DaysSinceContact: -1}
	var contact string
	err = d.r.QueryRowContext(ctx, `SELECT name FROM contacts WHERE customer_id = ? AND archived_at IS NULL ORDER BY is_primary DESC, id LIMIT 1`, customerID).Scan(&contact)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return tc, err
	}
	v.Contact = contact
	st, err := d.CustomerStats(ctx, customerID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return tc, err
	}
	if st.LastContactAt > 0 {
		v.DaysSinceContact = int(today - model.DayOfUnix(st.LastContactAt, loc))
	}
	if st.LastOrderAt > 0 {
		v.LastOrder = model.DayOfUnix(st.LastOrderAt, loc).String()
	}
	v.Due = st.NextFollowupDue.String()
	var dealID int64
	if followupID > 0 {
		f, err := d.Followup(ctx, followupID)
		if err != nil {
			return tc, err
		}
		tc.FollowupTitle, dealID, v.Due = f.Title, f.DealID, f.Due.String()
	}
	q := `SELECT d.title, s.name FROM deals d JOIN stages s ON s.id = d.stage_id WHERE d.customer_id = ? AND d.archived_at IS NULL AND d.status = 'open' ORDER BY d.id LIMIT 1`
	args := []any{customerID}
	if dealID > 0 {
		q, args = `SELECT d.title, s.name FROM deals d JOIN stages s ON s.id = d.stage_id WHERE d.id = ?`, []any{dealID}
	}
	if err := d.r.QueryRowContext(ctx, q, args...).Scan(&v.Deal, &v.Stage); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return tc, err
	}
	tags, err := d.CustomerTags(ctx, customerID)
	if err != nil {
		return tc, err
	}
	tc.Values = v
	zh := false
	for _, r := range c.Name + c.Company {
		if unicode.Is(unicode.Han, r) {
			zh = true
			break
		}
	}
	tc.For = model.TemplateFor{Purpose: model.PurposeOf(tc.FollowupTitle), Tier: c.Tier, Tags: tags, Chinese: zh}
	return tc, nil
}
