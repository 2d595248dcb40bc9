package transfer

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/rapportcrm/rapport/db"
)

// ExportVCard writes the live customers as vCard 3.0 cards (FN, N, ORG,
// EMAIL, TEL, IMPP, NOTE, CATEGORIES, BDAY and ANNIVERSARY (the customer's
// own), X-RAPPORT-DATE (labelled dates) and X-RAPPORT-INDUSTRY/-SOURCE),
// followed by a card per contact (with its BDAY)
// person, marked X-RAPPORT-CONTACT-OF with its customer's UID (our import
// skips those, so a round trip gives the same customers). It returns how
// many customers it wrote.
func ExportVCard(ctx context.Context, d *db.DB, w io.Writer) (int, error) {
	cs, err := liveCustomers(ctx, d)
	if err != nil {
		return 0, err
	}
	care, err := careByCustomer(ctx, d)
	if err != nil {
		return 0, err
	}
	cw := &contentWriter{w: bufio.NewWriter(w)}
	for _, e := range cs {
		c := e.Customer
		cw.line("BEGIN:VCARD")
		cw.line("VERSION:3.0")
		cw.line(fmt.Sprintf("UID:rapport-customer-%d", c.ID))
		cw.line("FN:" + escapeText(c.Name))
		cw.line("N:" + escapeText(c.Name) + ";;;;")
		if c.Company != "" {
			cw.line("ORG:" + escapeText(c.Company))
		}
		if c.Email != "" {
			cw.line("EMAIL;TYPE=INTERNET:" + escapeText(c.Email))
		}
		if c.Phone != "" {
			cw.line("TEL:" + escapeText(c.Phone))
		}
		if c.IM != "" {
			cw.line("IMPP:" + escapeText(c.IM))
		}
		if c.Notes != "" {
			cw.line("NOTE:" + escapeText(c.Notes))
		}
		if c.Industry != "" {
			cw.line("X-RAPPORT-INDUSTRY:" + escapeText(c.Industry))
		}
		if c.Source != "" {
			cw.line("X-RAPPORT-SOURCE:" + escapeText(c.Source))
		}
		if ce := care[c.ID]; ce != nil {
			if ce.birthday != "" {
				cw.line("BDAY:" + vcardDay(ce.birthday))
			}
			if ce.anniversary != "" {
				cw.line("ANNIVERSARY:" + vcardDay(ce.anniversary))
			}
			for _, d := range ce.dates {
				how := "yearly"
				if !d.Yearly {
					how = "once"
				}
				cw.line("X-RAPPORT-DATE:" + d.Day + ";" + how + ";" + escapeText(d.Label))
			}
		}
		if len(e.Tags) > 0 {
			ts := make([]string, len(e.Tags))
			for i, t := range e.Tags {
				ts[i] = escapeText(t)
			}
			cw.line("CATEGORIES:" + strings.Join(ts, ","))
		}
		cw.line("END:VCARD")
	}
	// A contact's ORG is the company they work for: the customer's company,
	// or the customer itself when it is a company.
	rows, err := d.Reader().QueryContext(ctx, `SELECT ct.id, ct.customer_id, ct.name, ct.role, ct.email, ct.phone,
		CASE WHEN c.company <> '' THEN c.company ELSE c.name END
		FROM contacts ct JOIN customers c ON c.id = ct.customer_id WHERE ct.archived_at IS NULL AND c.archived_at IS NULL ORDER BY ct.id`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, cid int64
		var name, role, email, phone, customer string
		if err := rows.Scan(&id, &cid, &name, &role, &email, &phone, &customer); err != nil {
			return 0, err
		}
		cw.line("BEGIN:VCARD")
		cw.line("VERSION:3.0")
		cw.line(fmt.Sprintf("UID:rapport-contact-%d", id))
		cw.line(fmt.Sprintf("X-RAPPORT-CONTACT-OF:rapport-customer-%d", cid))
		cw.line("FN:" + escapeText(name))
		cw.line("N:" + escapeText(name) + ";;;;")
		cw.line("ORG:" + escapeText(customer))
		if role != "" {
			cw.line("TITLE:" + escapeText(role))
		}
		if email != "" {
			cw.line("EMAIL;TYPE=INTERNET:" + escapeText(email))
		}
		if phone != "" {
			cw.line("TEL:" + escapeText(phone))
		}
		if ce := care[cid]; ce != nil && ce.contacts[id] != "" {
			cw.line("BDAY:" + vcardDay(ce.contacts[id]))
		}
		cw.line("END:VCARD")
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if cw.err != nil {
		return 0, cw.err
	}
	return len(cs), cw.w.Flush()
}

// vcardDay writes a care day for BDAY and ANNIVERSARY: 1988-05-12, or
// vCard 4.0's --0512 when the year is not known.
func vcardDay(day string) string {
	if strings.HasPrefix(day, "--") {
		return "--" + day[2:4] + day[5:7]
	}
	return day
}
