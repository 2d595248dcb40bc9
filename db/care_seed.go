package db

import (
	"context"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// careMigration is the schema version that adds care dates, holidays and
// templates; applying it seeds their defaults (new and upgraded books).
const careMigration = 8

// seedCare writes the default holidays and message templates.
func seedCare(ctx context.Context, q Querier, now time.Time) error {
	ts := now.Unix()
	for _, h := range model.DefaultHolidays() {
		if _, err := q.ExecContext(ctx, `INSERT INTO holidays (name, calendar, month, day, created_at, updated_at) VALUES (?,?,?,?,?,?)`,
			h.Name, string(h.Calendar), h.Month, h.Day, ts, ts); err != nil {
			return err
		}
	}
	for _, t := range model.DefaultTemplates() {
		if _, err := q.ExecContext(ctx, `INSERT INTO templates (name, purpose, tier, tag, body, created_at, updated_at) VALUES (?,?,?,?,?,?,?)`,
			t.Name, t.Purpose, string(t.Tier), t.Tag, t.Body, ts, ts); err != nil {
			return err
		}
	}
	return nil
}
