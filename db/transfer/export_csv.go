package transfer

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// exportCustomer is a live customer with its tags, as the exports read it.
type exportCustomer struct {
	model.Customer
	Tags []string
}

// liveCustomers reads every live customer with its tags, by id.
func liveCustomers(ctx context.Context, d *db.DB) ([]exportCustomer, error) {
	rows, err := d.Reader().QueryContext(ctx, `SELECT c.id, c.name, c.company, c.email, c.phone, c.im, c.industry, c.source, c.tier,
		c.tier_pinned, c.lifecycle, c.churn_reason, coalesce(c.cadence_days, 0), c.notes, c.created_at, c.updated_at, c.version,
		coalesce((SELECT group_concat(t.name, char(31)) FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id), '')
		FROM customers c WHERE c.archived_at IS NULL ORDER BY c.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []exportCustomer
	for rows.Next() {
		var e exportCustomer
		c := &e.Customer
		var tier, life, tags string
		if err := rows.Scan(&c.ID, &c.Name, &c.Company, &c.Email, &c.Phone, &c.IM, &c.Industry, &c.Source, &tier, &c.TierPinned,
			&life, &c.ChurnReason, &c.CadenceDays, &c.Notes, &c.CreatedAt, &c.UpdatedAt, &c.Version, &tags); err != nil {
			return nil, err
		}
		c.Tier, c.Lifecycle = model.Tier(tier), model.Lifecycle(life)
		if tags != "" {
			e.Tags = strings.Split(tags, "\x1f")
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// FormulaSafe neutralises a spreadsheet formula: a cell starting with =, +,
// -, @, tab or carriage return gets a leading apostrophe, so Excel and
// LibreOffice show it as text instead of running it. Import removes the
// apostrophe again.
func FormulaSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// csvExportHeader is the header of the customer CSV export; import maps
// every column back.
func csvExportHeader() []string {
	return []string{"id", "name", "company", "email", "phone", "im", "industry", "source", "tier", "tier pinned", "lifecycle",
		"churn reason", "cadence days", "tags", "notes", "contacts", "birthday", "anniversary", "dates", "created"}
}

// ExportCSV writes the live customers as CSV: formula-safe cells, CRLF line
// ends, and with excel a UTF-8 byte order mark so Excel reads Chinese text
// correctly. It returns how many customers it wrote.
func ExportCSV(ctx context.Context, d *db.DB, w io.Writer, excel bool) (int, error) {
	cs, err := liveCustomers(ctx, d)
	if err != nil {
		return 0, err
	}
	people, err := contactsByCustomer(ctx, d)
	if err != nil {
		return 0, err
	}
	care, err := careByCustomer(ctx, d)
	if err != nil {
		return 0, err
	}
	if excel {
		if _, err := w.Write([]byte(utf8BOM)); err != nil {
			return 0, err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvExportHeader()); err != nil {
		return 0, err
	}
	loc := d.Now().Location()
	for _, e := range cs {
		c := e.Customer
		cad := ""
		if c.CadenceDays > 0 {
			cad = strconv.Itoa(c.CadenceDays)
		}
		pinned := "no"
		if c.TierPinned {
			pinned = "yes"
		}
		var bday, anniv string
		var dates []string
		if ce := care[c.ID]; ce != nil {
			bday, anniv = ce.birthday, ce.anniversary
			for _, d := range ce.dates {
				dates = append(dates, dateLine(d))
			}
		}
		rec := []string{strconv.FormatInt(c.ID, 10), c.Name, c.Company, c.Email, c.Phone, c.IM, c.Industry, c.Source, string(c.Tier), pinned,
			string(c.Lifecycle), c.ChurnReason, cad, strings.Join(e.Tags, "; "), c.Notes, strings.Join(people[c.ID], "\n"),
			bday, anniv, strings.Join(dates, "\n"), model.DayOfUnix(c.CreatedAt, loc).String()}
		for i := range rec {
			rec[i] = FormulaSafe(model.SanitizeMultiline(rec[i]))
		}
		if err := cw.Write(rec); err != nil {
			return 0, err
		}
	}
	cw.Flush()
	return len(cs), cw.Error()
}
