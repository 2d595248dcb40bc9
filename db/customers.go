package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// customerRow reads customers.
var customerRow = rowShape[model.Customer]{
	table: "customers",
	cols: `id, name, company, email, phone, im, industry, source, tier, tier_pinned, lifecycle, churn_reason,
	coalesce(cadence_days, 0), notes, created_at, updated_at, coalesce(archived_at, 0), version`,
	dest: func(c *model.Customer) []any {
		return []any{&c.ID, &c.Name, &c.Company, &c.Email, &c.Phone, &c.IM, &c.Industry, &c.Source, &c.Tier, &c.TierPinned,
			&c.Lifecycle, &c.ChurnReason, &c.CadenceDays, &c.Notes, &c.CreatedAt, &c.UpdatedAt, &c.ArchivedAt, &c.Version}
	},
}

func customerValues(c *model.Customer) ([]string, []any) {
	var cad any
	if c.CadenceDays > 0 {
		cad = c.CadenceDays
	}
	return []string{"name", "company", "email", "phone", "im", "industry", "source", "tier", "tier_pinned", "lifecycle", "churn_reason", "cadence_days", "notes"},
		[]any{c.Name, c.Company, c.Email, c.Phone, c.IM, c.Industry, c.Source, string(c.Tier), c.TierPinned, string(c.Lifecycle), c.ChurnReason, cad, c.Notes}
}

// normalizeCustomer fills defaults before validation.
func normalizeCustomer(c *model.Customer) {
	c.Name = strings.TrimSpace(c.Name)
	c.Email = strings.TrimSpace(c.Email)
	c.Phone = strings.TrimSpace(c.Phone)
	if c.Tier == "" {
		c.Tier = model.TierC
	}
	if c.Lifecycle == "" {
		c.Lifecycle = model.Active
	}
}

// CreateCustomer adds a customer inside t and returns its id.
func (t *Tx) CreateCustomer(c *model.Customer) (int64, error) {
	normalizeCustomer(c)
	if err := c.Validate(); err != nil {
		return 0, err
	}
	cols, vals := customerValues(c)
	id, err := t.Insert("customers", cols, vals)
	if err != nil {
		return 0, err
	}
	c.ID = id
	t.Touch(id)
	t.notice(model.EventCustomerAdded, id, 0, 0)
	return id, nil
}

// CreateCustomer adds a customer with tags as one command.
func (d *DB) CreateCustomer(ctx context.Context, c *model.Customer, tags []string) (int64, error) {
	var id int64
	err := d.Write(ctx, "add customer "+c.Name, func(t *Tx) error {
		var err error
		if id, err = t.CreateCustomer(c); err != nil {
			return err
		}
		return t.SetTags(id, tags, nil)
	})
	return id, err
}

// UpdateCustomer writes c's fields (checking c.Version) inside t.
func (t *Tx) UpdateCustomer(c *model.Customer) error {
	normalizeCustomer(c)
	if err := c.Validate(); err != nil {
		return err
	}
	var oldTier string
	if err := t.tx.QueryRowContext(t.ctx, `SELECT tier FROM customers WHERE id = ?`, c.ID).Scan(&oldTier); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	cols, vals := customerValues(c)
	if err := t.Update("customers", c.ID, c.Version, cols, vals); err != nil {
		return err
	}
	if err := recordTierChange(t.ctx, t.tx, c.ID, model.Tier(oldTier), c.Tier, t.now.Unix()); err != nil {
		return err
	}
	t.Touch(c.ID)
	return nil
}

// UpdateCustomer saves an edited customer as one command; a stale Version
// returns model.ErrConflict and writes nothing.
func (d *DB) UpdateCustomer(ctx context.Context, c *model.Customer) error {
	return d.Write(ctx, "edit customer "+c.Name, func(t *Tx) error { return t.UpdateCustomer(c) })
}

// Customer loads one customer (archived ones too).
func (d *DB) Customer(ctx context.Context, id int64) (model.Customer, error) {
	return getCustomer(ctx, d.r, id)
}

func getCustomer(ctx context.Context, q Querier, id int64) (model.Customer, error) {
	return customerRow.one(ctx, q, "customer", id, "")
}

// AmbiguousError lists the customers a name could mean.
type AmbiguousError struct {
	Ref        string
	Candidates []model.Customer
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%q matches %d customers: give #ID for an id, or more of the name", e.Ref, len(e.Candidates))
}

// FindCustomer resolves a CUSTOMER argument: "#42" is the id 42; a bare
// number is the customer with that id or one named exactly that (both:
// an *AmbiguousError, none: not found, never a name prefix); anything else
// is the exact name, else a case-insensitive name, else a unique prefix
// (archived customers only by id). Several matches give an *AmbiguousError.
func (d *DB) FindCustomer(ctx context.Context, ref string) (model.Customer, error) {
	return findCustomer(ctx, d.r, ref)
}

func findCustomer(ctx context.Context, q Querier, ref string) (model.Customer, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return model.Customer{}, model.Invalid("customer", "give a customer id or name")
	}
	if digits, ok := strings.CutPrefix(ref, "#"); ok {
		id, err := strconv.ParseInt(digits, 10, 64)
		if err != nil || id <= 0 {
			return model.Customer{}, model.Invalid("customer", "%q is not an id: #ID is a number, like #42", ref)
		}
		return getCustomer(ctx, q, id)
	}
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil && id > 0 {
		return findNumbered(ctx, q, ref, id)
	}
	for _, tail := range []string{
		`WHERE archived_at IS NULL AND name = ? ORDER BY id LIMIT 20`,
		`WHERE archived_at IS NULL AND name = ? COLLATE NOCASE ORDER BY id LIMIT 20`,
		`WHERE archived_at IS NULL AND lower(substr(name, 1, length(?1))) = lower(?1) ORDER BY id LIMIT 20`,
	} {
		found, err := customerRow.all(ctx, q, tail, ref)
		if err != nil {
			return model.Customer{}, err
		}
		switch len(found) {
		case 0:
			continue
		case 1:
			return found[0], nil
		default:
			return model.Customer{}, &AmbiguousError{Ref: ref, Candidates: found}
		}
	}
	return model.Customer{}, i18n.Errorf("no customer called %q (try rapport list --filter %q): %w", ref, ref, model.ErrNotFound)
}

// CustomerTags returns a customer's tag names, sorted.
func (d *DB) CustomerTags(ctx context.Context, id int64) ([]string, error) {
	rows, err := d.r.QueryContext(ctx, `SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = ? ORDER BY t.name COLLATE NOCASE`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// SetTags adds and removes tags on a customer inside t. Tag names are
// case-insensitive; a new name creates the tag.
func (t *Tx) SetTags(customerID int64, add, remove []string) error {
	for _, name := range add {
		name = strings.TrimPrefix(strings.TrimSpace(model.Sanitize(name)), "#")
		if name == "" {
			continue
		}
		if len([]rune(name)) > 60 {
			return model.Invalid("tag", "%q is longer than 60 characters", name)
		}
		var tagID int64
		err := t.tx.QueryRowContext(t.ctx, `SELECT id FROM tags WHERE name = ? COLLATE NOCASE`, name).Scan(&tagID)
		if errors.Is(err, sql.ErrNoRows) {
			tagID, err = t.Insert("tags", []string{"name"}, []any{name})
		}
		if err != nil {
			return err
		}
		var exists bool
		if err := t.tx.QueryRowContext(t.ctx, `SELECT EXISTS (SELECT 1 FROM customer_tags WHERE customer_id = ? AND tag_id = ?)`, customerID, tagID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			if _, err := t.tx.ExecContext(t.ctx, `INSERT INTO customer_tags (customer_id, tag_id) VALUES (?, ?)`, customerID, tagID); err != nil {
				return err
			}
			img, err := t.image("customer_tags", customerID, tagID)
			if err != nil {
				return err
			}
			if err := t.journal("customer_tags", customerID, nil, img); err != nil {
				return err
			}
		}
	}
	for _, name := range remove {
		name = strings.TrimPrefix(strings.TrimSpace(name), "#")
		var tagID int64
		err := t.tx.QueryRowContext(t.ctx, `SELECT id FROM tags WHERE name = ? COLLATE NOCASE`, name).Scan(&tagID)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return err
		}
		if err := t.Delete("customer_tags", customerID, tagID); err != nil {
			return err
		}
	}
	t.Touch(customerID)
	return nil
}

// SetTags changes a customer's tags as one command.
func (d *DB) SetTags(ctx context.Context, customerID int64, add, remove []string) error {
	return d.Write(ctx, "tag customer", func(t *Tx) error { return t.SetTags(customerID, add, remove) })
}

// findNumbered resolves a bare number: the customer with that id, or a live
// one named exactly that.
func findNumbered(ctx context.Context, q Querier, ref string, id int64) (model.Customer, error) {
	var found []model.Customer
	c, err := getCustomer(ctx, q, id)
	switch {
	case err == nil:
		found = append(found, c)
	case !errors.Is(err, model.ErrNotFound):
		return model.Customer{}, err
	}
	named, err := customerRow.all(ctx, q, `WHERE archived_at IS NULL AND name = ? COLLATE NOCASE AND id <> ? ORDER BY id LIMIT 20`, ref, id)
	if err != nil {
		return model.Customer{}, err
	}
	found = append(found, named...)
	switch len(found) {
	case 0:
		return model.Customer{}, i18n.Errorf("no customer with id %d or named %q (find ids with rapport list): %w", id, ref, model.ErrNotFound)
	case 1:
		return found[0], nil
	}
	return model.Customer{}, &AmbiguousError{Ref: ref, Candidates: found}
}
