package transfer

import (
	"context"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// The customer CSV export writes a customer's contact people in one
// "contacts" cell, one person a line: "Name | role | email | phone |
// birthday", the primary contact first and marked with a leading "*".
// Import reads the cell back, so an export imports into the same book.

// contactLine renders one contact for the contacts cell, with its birthday
// ("" for none).
func contactLine(c model.Contact, birthday string) string {
	f := func(s string) string {
		return strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(s, "|", "/"), "\n", " "))
	}
	s := f(c.Name) + " | " + f(c.Role) + " | " + f(c.Email) + " | " + f(c.Phone) + " | " + birthday
	if c.IsPrimary {
		s = "*" + s
	}
	return strings.TrimRight(s, " |")
}

// parseContactLines reads a contacts cell: the people and their birthdays
// (by index, "" for none or one that is not a date).
func parseContactLines(s string) ([]model.Contact, []string) {
	var out []model.Contact
	var days []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		c := model.Contact{}
		if strings.HasPrefix(line, "*") {
			c.IsPrimary, line = true, strings.TrimSpace(line[1:])
		}
		parts := strings.Split(line, "|")
		for len(parts) < 5 {
			parts = append(parts, "")
		}
		c.Name, c.Role, c.Email, c.Phone = strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1]), strings.TrimSpace(parts[2]), strings.TrimSpace(parts[3])
		if c.Email != "" && !validEmail(c.Email) {
			c.Email = ""
		}
		if c.Phone != "" && !validPhone(c.Phone) {
			c.Phone = ""
		}
		if c.Name != "" {
			day, _ := model.ParseCareDay(strings.TrimSpace(parts[4]))
			out, days = append(out, c), append(days, day)
		}
	}
	return out, days
}

// contactsByCustomer reads the live contacts of every customer, primary
// first, for the export.
func contactsByCustomer(ctx context.Context, d *db.DB) (map[int64][]string, error) {
	care, err := careByCustomer(ctx, d)
	if err != nil {
		return nil, err
	}
	rows, err := d.Reader().QueryContext(ctx, `SELECT id, customer_id, name, role, email, phone, is_primary FROM contacts
		WHERE archived_at IS NULL ORDER BY customer_id, is_primary DESC, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]string{}
	for rows.Next() {
		var c model.Contact
		if err := rows.Scan(&c.ID, &c.CustomerID, &c.Name, &c.Role, &c.Email, &c.Phone, &c.IsPrimary); err != nil {
			return nil, err
		}
		bday := ""
		if e := care[c.CustomerID]; e != nil {
			bday = e.contacts[c.ID]
		}
		out[c.CustomerID] = append(out[c.CustomerID], contactLine(c, bday))
	}
	return out, rows.Err()
}
