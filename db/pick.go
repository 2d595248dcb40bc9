package db

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/model"
)

// CustomerPick is one customer a form's customer picker offers: enough to
// tell two people of the same name apart.
type CustomerPick struct {
	ID      int64
	Name    string
	Company string
	Tier    model.Tier
}

// PickCustomers returns up to limit customers (not archived) for what was
// typed into a customer field, best first: the exact name, the name in
// another case, a name that starts with it, a name that holds it, a company
// that holds it, then an email or phone that does; ties by name. Matching
// is by substring as the Customers filter does it: case folded for letters
// that have case, Chinese as typed (no pinyin); from 3 characters through
// the trigram index. "#42" is the customer with id 42; a bare number also
// offers the customer with that id first.
func (d *DB) PickCustomers(ctx context.Context, text string, limit int) ([]CustomerPick, error) {
	text = strings.TrimSpace(model.Sanitize(text))
	if text == "" || limit <= 0 {
		return nil, nil
	}
	if digits, ok := strings.CutPrefix(text, "#"); ok {
		id, err := strconv.ParseInt(digits, 10, 64)
		if err != nil || id <= 0 {
			return nil, nil
		}
		return d.picks(ctx, `WHERE c.archived_at IS NULL AND c.id = ? LIMIT 1`, id)
	}
	var id int64
	if n, err := strconv.ParseInt(text, 10, 64); err == nil && n > 0 {
		id = n
	}
	if id == 0 && utf8.RuneCountInString(text) < 3 {
		// One or two characters match much of a big book by substring;
		// the names that start with them rank first, and the name index
		// finds those at once. When they fill the list, it is the list.
		ps, err := d.picks(ctx, `WHERE c.archived_at IS NULL AND c.name >= ?1 COLLATE NOCASE AND c.name < ?1 || char(1114111) COLLATE NOCASE
			ORDER BY CASE WHEN c.name = ?1 THEN 1 WHEN c.name = ?1 COLLATE NOCASE THEN 2 ELSE 3 END, c.name COLLATE NOCASE, c.id
			LIMIT ?2`, text, limit)
		if err != nil || len(ps) == limit {
			return ps, err
		}
	}
	match, arg := pickMatch(text)
	// ?1 the match, ?2 the id, ?3 the text, ?4 the limit.
	return d.picks(ctx, `WHERE c.archived_at IS NULL AND (`+match+` OR c.id = ?2)
		ORDER BY CASE
			WHEN c.id = ?2 THEN 0
			WHEN c.name = ?3 THEN 1
			WHEN c.name = ?3 COLLATE NOCASE THEN 2
			WHEN lower(substr(c.name, 1, length(?3))) = lower(?3) THEN 3
			WHEN instr(lower(c.name), lower(?3)) > 0 THEN 4
			WHEN instr(lower(c.company), lower(?3)) > 0 THEN 5
			ELSE 6 END, c.name COLLATE NOCASE, c.id
		LIMIT ?4`, arg, id, text, limit)
}

// pickMatch is the WHERE test of a picker's text against a customer's
// name, company, email and phone (not notes or interactions: the picker
// looks for a person, the filter for anything said about them).
func pickMatch(text string) (string, any) {
	if utf8.RuneCountInString(text) >= 3 {
		return "c.id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?1)", "{name company email phone} : " + ftsPhrase(text)
	}
	if strings.ToLower(text) == strings.ToUpper(text) {
		return "(instr(c.name, ?1) > 0 OR instr(c.company, ?1) > 0 OR instr(c.email, ?1) > 0 OR instr(c.phone, ?1) > 0)", text
	}
	t := "%" + strings.TrimSuffix(likePrefix(text), "%") + "%"
	return `(c.name LIKE ?1 ESCAPE '\' OR c.company LIKE ?1 ESCAPE '\' OR c.email LIKE ?1 ESCAPE '\' OR c.phone LIKE ?1 ESCAPE '\')`, t
}

// picks runs the picker's query tail.
func (d *DB) picks(ctx context.Context, tail string, args ...any) ([]CustomerPick, error) {
	rows, err := d.r.QueryContext(ctx, `SELECT c.id, c.name, c.company, c.tier FROM customers c `+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CustomerPick
	for rows.Next() {
		var p CustomerPick
		if err := scanRow(rows, "customers", &p.ID, &p.Name, &p.Company, &p.Tier); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
