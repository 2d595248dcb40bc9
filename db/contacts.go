package db

import (
	"context"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

const contactCols = `id, customer_id, name, role, email, phone, is_primary, created_at, updated_at, coalesce(archived_at, 0), version`

// CreateContact adds a person at a customer inside t; a primary contact
// demotes the previous primary.
func (t *Tx) CreateContact(c *model.Contact) (int64, error) {
	c.Name = strings.TrimSpace(c.Name)
	if err := c.Validate(); err != nil {
		return 0, err
	}
	if err := t.checkCustomer(c.CustomerID); err != nil {
		return 0, err
	}
	if c.IsPrimary {
		if err := t.demotePrimary(c.CustomerID); err != nil {
			return 0, err
		}
	}
	id, err := t.Insert("contacts", []string{"customer_id", "name", "role", "email", "phone", "is_primary"},
		[]any{c.CustomerID, c.Name, c.Role, c.Email, c.Phone, c.IsPrimary})
	c.ID = id
	return id, err
}

// UpdateContact saves an edited contact (checking its version).
func (t *Tx) UpdateContact(c *model.Contact) error {
	c.Name = strings.TrimSpace(c.Name)
	if err := c.Validate(); err != nil {
		return err
	}
	if c.IsPrimary {
		if err := t.demotePrimary(c.CustomerID); err != nil {
			return err
		}
	}
	return t.Update("contacts", c.ID, c.Version, []string{"name", "role", "email", "phone", "is_primary"}, []any{c.Name, c.Role, c.Email, c.Phone, c.IsPrimary})
}

func (t *Tx) demotePrimary(customerID int64) error {
	ids, err := queryIDs(t.ctx, t.tx, `SELECT id FROM contacts WHERE customer_id = ? AND is_primary = 1`, customerID)
	for _, id := range ids {
		if err := t.Update("contacts", id, 0, []string{"is_primary"}, []any{false}); err != nil {
			return err
		}
	}
	return err
}

// Contacts returns the people at a customer, primary first.
func (d *DB) Contacts(ctx context.Context, customerID int64) ([]model.Contact, error) {
	rows, err := d.r.QueryContext(ctx, `SELECT `+contactCols+` FROM contacts WHERE customer_id = ? AND archived_at IS NULL ORDER BY is_primary DESC, name`, customerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Contact
	for rows.Next() {
		var c model.Contact
		if err := rows.Scan(&c.ID, &c.CustomerID, &c.Name, &c.Role, &c.Email, &c.Phone, &c.IsPrimary, &c.CreatedAt, &c.UpdatedAt, &c.ArchivedAt, &c.Version); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
