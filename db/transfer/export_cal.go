package transfer

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// contentWriter writes RFC 5545 / RFC 6350 content lines: CRLF line ends
// and lines folded at 75 octets (never inside a UTF-8 character), the
// continuation starting with one space.
type contentWriter struct {
	w   *bufio.Writer
	err error
}

func (cw *contentWriter) line(s string) {
	if cw.err != nil {
		return
	}
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		if _, cw.err = cw.w.WriteString(s[:cut] + "\r\n "); cw.err != nil {
			return
		}
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	_, cw.err = cw.w.WriteString(s + "\r\n")
}

// escapeText escapes a TEXT value (iCalendar and vCard): backslash,
// semicolon, comma and newline.
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case ';':
			b.WriteString(`\;`)
		case ',':
			b.WriteString(`\,`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ExportICS writes the open follow-ups as an iCalendar file: a VTODO with
// DUE per follow-up (a date, or a UTC moment when it has a time), and a
// 30-minute VEVENT for each one that has a time, so calendars show it. It
// returns how many follow-ups it wrote.
func ExportICS(ctx context.Context, d *db.DB, w io.Writer) (int, error) {
	rows, err := d.Reader().QueryContext(ctx, `SELECT f.id, f.title, f.due_date, coalesce(f.due_time, ''), c.name, c.company, f.created_at
		FROM followups f JOIN customers c ON c.id = f.customer_id
		WHERE f.done_at IS NULL AND f.archived_at IS NULL AND c.archived_at IS NULL ORDER BY f.due_date, f.due_time, f.id`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	now := d.Now()
	loc := now.Location()
	stamp := now.UTC().Format("20060102T150405Z")
	cw := &contentWriter{w: bufio.NewWriter(w)}
	cw.line("BEGIN:VCALENDAR")
	cw.line("VERSION:2.0")
	cw.line("PRODID:-//rapport//rapport CRM//EN")
	cw.line("CALSCALE:GREGORIAN")
	n := 0
	for rows.Next() {
		var id, created int64
		var title, due, tm, name, company string
		if err := rows.Scan(&id, &title, &due, &tm, &name, &company, &created); err != nil {
			return n, err
		}
		day, err := model.ParseDay(due)
		if err != nil {
			continue
		}
		who := name
		if company != "" {
			who += " (" + company + ")"
		}
		summary := escapeText(model.Sanitize(title + " — " + name))
		desc := escapeText(model.Sanitize("Follow-up " + fmt.Sprint(id) + " for " + who + " in rapport"))
		cw.line("BEGIN:VTODO")
		cw.line(fmt.Sprintf("UID:followup-%d@rapport", id))
		cw.line("DTSTAMP:" + stamp)
		cw.line("CREATED:" + time.Unix(created, 0).UTC().Format("20060102T150405Z"))
		cw.line("SUMMARY:" + summary)
		cw.line("DESCRIPTION:" + desc)
		var start time.Time
		if tm != "" {
			var h, m int
			fmt.Sscanf(tm, "%d:%d", &h, &m)
			start = day.In(loc).Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
			cw.line("DUE:" + start.UTC().Format("20060102T150405Z"))
		} else {
			cw.line("DUE;VALUE=DATE:" + day.UTC().Format("20060102"))
		}
		cw.line("STATUS:NEEDS-ACTION")
		cw.line("END:VTODO")
		if tm != "" {
			cw.line("BEGIN:VEVENT")
			cw.line(fmt.Sprintf("UID:followup-%d-event@rapport", id))
			cw.line("DTSTAMP:" + stamp)
			cw.line("DTSTART:" + start.UTC().Format("20060102T150405Z"))
			cw.line("DTEND:" + start.Add(30*time.Minute).UTC().Format("20060102T150405Z"))
			cw.line("SUMMARY:" + summary)
			cw.line("DESCRIPTION:" + desc)
			cw.line("END:VEVENT")
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	cw.line("END:VCALENDAR")
	if cw.err != nil {
		return n, cw.err
	}
	return n, cw.w.Flush()
}

// ExportVCard writes the live customers as vCard 3.0 cards (FN, N, ORG,
// EMAIL, TEL, IMPP, NOTE, CATEGORIES, and X-RAPPORT-INDUSTRY/-SOURCE), followed by a card per contact
// person, marked X-RAPPORT-CONTACT-OF with its customer's UID (our import
// skips those, so a round trip gives the same customers). It returns how
// many customers it wrote.
func ExportVCard(ctx context.Context, d *db.DB, w io.Writer) (int, error) {
	cs, err := liveCustomers(ctx, d)
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
