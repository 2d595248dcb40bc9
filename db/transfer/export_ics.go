package transfer

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

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
