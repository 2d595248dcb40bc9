package db

import (
	"context"
	"database/sql"
	"errors"
	"github.com/rapportcrm/rapport/model/i18n"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// Holidays returns the book's live holidays, by name.
func (d *DB) Holidays(ctx context.Context) ([]model.Holiday, error) {
	return holidays(ctx, d.r)
}

func holidays(ctx context.Context, q Querier) ([]model.Holiday, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, calendar, month, day, created_at, updated_at, version FROM holidays WHERE archived_at IS NULL ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Holiday
	for rows.Next() {
		var h model.Holiday
		var cal string
		if err := rows.Scan(&h.ID, &h.Name, &cal, &h.Month, &h.Day, &h.CreatedAt, &h.UpdatedAt, &h.Version); err != nil {
			return nil, err
		}
		h.Calendar = model.Calendar(cal)
		if h.Validate() != nil {
			continue // a row edited by hand into no date: skipped, not fatal
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// AddHoliday adds a holiday; a name already in the list is refused.
func (t *Tx) AddHoliday(h *model.Holiday) (int64, error) {
	h.Name = strings.TrimSpace(h.Name)
	if err := h.Validate(); err != nil {
		return 0, err
	}
	if _, err := t.holidayID(h.Name); err == nil {
		return 0, model.Invalid("name", "%q is already a holiday: remove it first to change its date", h.Name)
	}
	id, err := t.Insert("holidays", []string{"name", "calendar", "month", "day"}, []any{h.Name, string(h.Calendar), h.Month, h.Day})
	h.ID = id
	return id, err
}

// RemoveHoliday archives the holiday called name (case-insensitive).
func (t *Tx) RemoveHoliday(name string) error {
	id, err := t.holidayID(name)
	if err != nil {
		return err
	}
	return t.Update("holidays", id, 0, []string{"archived_at"}, []any{t.now.Unix()})
}

func (t *Tx) holidayID(name string) (int64, error) {
	var id int64
	err := t.tx.QueryRowContext(t.ctx, `SELECT id FROM holidays WHERE name = ? COLLATE NOCASE AND archived_at IS NULL`, strings.TrimSpace(name)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, i18n.Errorf("holiday %q: %w (rapport holiday list shows them)", name, model.ErrNotFound)
	}
	return id, err
}
