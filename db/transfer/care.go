package transfer

import (
	"context"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// Care dates in imports and exports (issue 24). A row's or card's birthday
// is its person's: the contact's when the row names a contact at a
// company, else the customer's own. The anniversary is the customer's.
// Labelled dates travel in rapport's own exports as a "dates" cell, one a
// line: "contract renewal | 2027-03-31 | once" (without "once" the date
// comes back every year; a date without its year is written 03-31).

// careOf is what an import carries of a candidate's care dates.
type careOf struct {
	birthday    string   // the person's (stored form), "" when none
	anniversary string   // the customer's
	people      []string // birthdays of cd.people, by index ("" for none)
	dates       []model.CareDate
}

// readCareDay parses a birthday or anniversary cell; a value that is not a
// date is kept in the notes with a warning, so the row still imports.
func readCareDay(label, value string, n *rowNotes, what string) string {
	value = strings.TrimSpace(value)
	if value == "" {
		return ""
	}
	day, err := model.ParseCareDay(noYearVCard(value))
	if err != nil {
		n.keep(label, value)
		n.warn("%s: %q is not a date (1988-05-12 or 05-12); kept in the notes", word(what), value)
		return ""
	}
	return day
}

// noYearVCard reads Apple's "no year" form (year 1604) as a date without a
// year.
func noYearVCard(s string) string {
	if strings.HasPrefix(s, "1604-") && len(s) >= 10 {
		return "--" + s[5:10]
	}
	if strings.HasPrefix(s, "1604") && len(s) == 8 {
		return "--" + s[4:6] + "-" + s[6:8]
	}
	return s
}

// dateLine renders a labelled date for the dates cell: "label | date",
// then "| once" for a date that does not come back.
func dateLine(d model.CareDate) string {
	day := d.Day
	if strings.HasPrefix(day, "--") {
		day = day[2:]
	}
	s := strings.TrimSpace(strings.ReplaceAll(d.Label, "\n", " ")) + " | " + day
	if !d.Yearly {
		s += " | once"
	}
	return s
}

// parseDateLines reads a dates cell from the right (a label may hold "|"):
// an optional "once", the date, and the label before them. A line that is
// not "label | date" is kept in the notes.
func parseDateLines(s string, n *rowNotes) []model.CareDate {
	var out []model.CareDate
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		parts := strings.Split(line, "|")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		once := len(parts) > 2 && strings.EqualFold(parts[len(parts)-1], "once")
		if once {
			parts = parts[:len(parts)-1]
		}
		if len(parts) < 2 {
			n.keep("Date", line)
			n.warn("dates: %q is not \"label | date\"; kept in the notes", line)
			continue
		}
		label, date := strings.Join(parts[:len(parts)-1], " | "), parts[len(parts)-1]
		day, err := model.ParseCareDay(date)
		if err != nil || label == "" || once && strings.HasPrefix(day, "--") {
			n.keep("Date", line)
			n.warn("dates: %q is not \"label | date\" with a date like 2027-03-31 (or 03-31 every year); kept in the notes", line)
			continue
		}
		out = append(out, model.CareDate{Kind: model.CareLabelled, Label: label, Day: day, Yearly: !once})
	}
	return out
}

// exportCare is a customer's care dates as the exports write them.
type exportCare struct {
	birthday    string           // the customer's own
	anniversary string           // set by the user
	contacts    map[int64]string // contact id → birthday
	dates       []model.CareDate // labelled
}

// careByCustomer reads every live care date for the exports.
func careByCustomer(ctx context.Context, d *db.DB) (map[int64]*exportCare, error) {
	all, err := d.AllCareDates(ctx)
	if err != nil {
		return nil, err
	}
	out := map[int64]*exportCare{}
	for cid, ds := range all {
		e := &exportCare{contacts: map[int64]string{}}
		for _, c := range ds {
			switch {
			case c.Kind == model.CareBirthday && c.ContactID != 0:
				e.contacts[c.ContactID] = c.Day
			case c.Kind == model.CareBirthday:
				e.birthday = c.Day
			case c.Kind == model.CareAnniversary:
				e.anniversary = c.Day
			default:
				e.dates = append(e.dates, c)
			}
		}
		out[cid] = e
	}
	return out, nil
}

// writeCare writes the care dates of a customer (and its contacts, ids in
// contacts) that an import created, in its transaction. Birthdays of a
// person at the customer go on its contact.
func writeCare(t *db.Tx, customerID, contactID int64, c careOf, peopleIDs []int64) error {
	if c.birthday != "" {
		if err := t.SetCareDay(customerID, contactID, model.CareBirthday, c.birthday); err != nil {
			return err
		}
	}
	if c.anniversary != "" {
		if err := t.SetCareDay(customerID, 0, model.CareAnniversary, c.anniversary); err != nil {
			return err
		}
	}
	for i, b := range c.people {
		if b != "" && i < len(peopleIDs) && peopleIDs[i] != 0 {
			if err := t.SetCareDay(customerID, peopleIDs[i], model.CareBirthday, b); err != nil {
				return err
			}
		}
	}
	for _, d := range c.dates {
		d.CustomerID = customerID
		if _, err := t.AddCareDate(&d); err != nil {
			return err
		}
	}
	return nil
}

func (c careOf) empty() bool {
	if c.birthday != "" || c.anniversary != "" || len(c.dates) > 0 {
		return false
	}
	for _, b := range c.people {
		if b != "" {
			return false
		}
	}
	return true
}

// pendingCare is care to write once the customers and contacts of an
// import are in.
type pendingCare struct {
	customerID, contactID int64
	care                  careOf
	peopleIDs             []int64
}

// careForExisting is what a row adds to a customer already in the book:
// its own birthday and its anniversary when the book has none, and
// labelled dates it lacks (matched by label and day). It returns the
// names of what it adds, for the report.
func careForExisting(ctx context.Context, q db.Querier, customerID int64, cd *candidate) (careOf, []string, error) {
	var add careOf
	var changed []string
	has := func(kind model.CareKind) (bool, error) {
		var n int
		err := q.QueryRowContext(ctx, `SELECT count(*) FROM care_dates WHERE customer_id = ? AND kind = ? AND contact_id IS NULL AND archived_at IS NULL`, customerID, string(kind)).Scan(&n)
		return n > 0, err
	}
	if cd.care.birthday != "" && cd.contact == "" {
		ok, err := has(model.CareBirthday)
		if err != nil {
			return add, nil, err
		}
		if !ok {
			add.birthday, changed = cd.care.birthday, append(changed, "birthday")
		}
	}
	if cd.care.anniversary != "" {
		ok, err := has(model.CareAnniversary)
		if err != nil {
			return add, nil, err
		}
		if !ok {
			add.anniversary, changed = cd.care.anniversary, append(changed, "anniversary")
		}
	}
	for _, d := range cd.care.dates {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM care_dates WHERE customer_id = ? AND kind = 'date' AND label = ? AND day = ? AND archived_at IS NULL`,
			customerID, d.Label, d.Day).Scan(&n); err != nil {
			return add, nil, err
		}
		if n == 0 {
			add.dates = append(add.dates, d)
		}
	}
	if len(add.dates) > 0 {
		changed = append(changed, "dates")
	}
	return add, changed, nil
}
