package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// setCare gives the sample book the dates a salesperson keeps (issue 24):
// about two in five customers have a birthday on their primary contact
// (the customer's own when it has none), one in eight of the tier A and B
// customers a contract renewal date, and one in ten an anniversary set by
// hand; the first tier A customer's contact has a birthday two days from
// today, so the Care section of the demo's today always has a row. Like
// the goals they carry no undo entry. Drawn from the seed, so the same
// seed gives the same dates.
func setCare(ctx context.Context, d *db.DB, now time.Time, seed uint64) error {
	today := model.DayOf(now)
	type who struct {
		id, contact int64
		tier        string
	}
	rows, err := d.Reader().QueryContext(ctx, `SELECT c.id, c.tier, coalesce((SELECT ct.id FROM contacts ct WHERE ct.customer_id = c.id AND ct.archived_at IS NULL ORDER BY ct.is_primary DESC, ct.id LIMIT 1), 0)
		FROM customers c WHERE c.archived_at IS NULL ORDER BY c.id`)
	if err != nil {
		return err
	}
	var all []who
	for rows.Next() {
		var w who
		if err := rows.Scan(&w.id, &w.tier, &w.contact); err != nil {
			rows.Close()
			return err
		}
		all = append(all, w)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(seed, 0xCA4E))
	at := now.Unix()
	first := true
	return d.Write(ctx, "", func(t *db.Tx) error {
		ins := func(w who, contact int64, kind, label, day string, yearly bool) error {
			var c any
			if contact != 0 {
				c = contact
			}
			_, err := t.Q().ExecContext(ctx, `INSERT INTO care_dates (customer_id, contact_id, kind, label, day, yearly, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)`,
				w.id, c, kind, label, day, yearly, at, at)
			return err
		}
		for _, w := range all {
			ab := w.tier == "A" || w.tier == "B"
			switch {
			case first && w.tier == "A":
				first = false
				born := today.AddDays(2).UTC().AddDate(-(28 + r.IntN(30)), 0, 0)
				if err := ins(w, w.contact, "birthday", "", born.Format("2006-01-02"), true); err != nil {
					return err
				}
			case chance(r, 0.4):
				born := time.Date(1958+r.IntN(40), time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(365))
				day := born.Format("2006-01-02")
				if chance(r, 0.2) {
					day = born.Format("--01-02") // the year not known
				}
				if err := ins(w, w.contact, "birthday", "", day, true); err != nil {
					return err
				}
			}
			if ab && chance(r, 0.125) {
				renew := today.AddDays(3 + r.IntN(200))
				if err := ins(w, 0, "date", "contract renewal", renew.String(), false); err != nil {
					return err
				}
			}
			if ab && chance(r, 0.1) {
				since := today.UTC().AddDate(-(1 + r.IntN(8)), 0, -r.IntN(365))
				if err := ins(w, 0, "anniversary", "", since.Format("2006-01-02"), true); err != nil {
					return fmt.Errorf("demo anniversary: %w", err)
				}
			}
		}
		return nil
	})
}
