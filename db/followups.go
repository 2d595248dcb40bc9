package db

import (
	"context"
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// followupRow reads follow-ups.
var followupRow = rowShape[model.Followup]{
	table: "followups",
	cols: `id, customer_id, coalesce(deal_id, 0), title, due_date, coalesce(due_time, ''), coalesce(done_at, 0), snooze_count,
	created_at, updated_at, coalesce(archived_at, 0), version, coalesce(playbook_id, 0)`,
	dest: func(f *model.Followup) []any {
		return []any{&f.ID, &f.CustomerID, &f.DealID, &f.Title, &f.Due, &f.DueTime, &f.DoneAt, &f.SnoozeCount, &f.CreatedAt, &f.UpdatedAt, &f.ArchivedAt, &f.Version, &f.PlaybookID}
	},
}

// Followup loads one follow-up.
func (d *DB) Followup(ctx context.Context, id int64) (model.Followup, error) {
	return getFollowup(ctx, d.r, id)
}

func getFollowup(ctx context.Context, q Querier, id int64) (model.Followup, error) {
	return followupRow.one(ctx, q, "follow-up", id, "")
}

// CreateFollowup schedules a follow-up inside t.
func (t *Tx) CreateFollowup(f *model.Followup) (int64, error) {
	f.Title = strings.TrimSpace(f.Title)
	if err := f.Validate(); err != nil {
		return 0, err
	}
	if err := t.checkCustomer(f.CustomerID); err != nil {
		return 0, err
	}
	if err := t.checkDeal(f.DealID, f.CustomerID); err != nil {
		return 0, err
	}
	id, err := t.Insert("followups", []string{"customer_id", "deal_id", "title", "due_date", "due_time", "playbook_id"},
		[]any{f.CustomerID, nullInt(f.DealID), f.Title, f.Due.String(), nullStr(f.DueTime), nullInt(f.PlaybookID)})
	if err != nil {
		return 0, err
	}
	f.ID = id
	t.Touch(f.CustomerID)
	return id, nil
}

// UpdateFollowup saves an edited follow-up (checking its version).
func (t *Tx) UpdateFollowup(f *model.Followup) error {
	f.Title = strings.TrimSpace(f.Title)
	if err := f.Validate(); err != nil {
		return err
	}
	if err := t.checkDeal(f.DealID, f.CustomerID); err != nil {
		return err
	}
	if err := t.Update("followups", f.ID, f.Version, []string{"deal_id", "title", "due_date", "due_time", "snooze_count"},
		[]any{nullInt(f.DealID), f.Title, f.Due.String(), nullStr(f.DueTime), f.SnoozeCount}); err != nil {
		return err
	}
	t.Touch(f.CustomerID)
	return nil
}

// CompleteFollowup marks a follow-up done now, as one command.
func (d *DB) CompleteFollowup(ctx context.Context, id int64) (model.Followup, error) {
	var out model.Followup
	err := d.Write(ctx, fmt.Sprintf("complete follow-up %d", id), func(t *Tx) error {
		var err error
		out, err = t.CompleteFollowup(id)
		return err
	})
	return out, err
}

// CompleteFollowup marks a follow-up done now inside t (logging the call
// that answers it closes it in the same command).
func (t *Tx) CompleteFollowup(id int64) (model.Followup, error) {
	f, err := getFollowup(t.ctx, t.tx, id)
	if err != nil {
		return f, err
	}
	if f.ArchivedAt != 0 {
		return f, model.Invalid("follow-up", "follow-up %d is archived", id)
	}
	if f.DoneAt != 0 {
		return f, model.Invalid("follow-up", "follow-up %d is already done", id)
	}
	t.Describe(fmt.Sprintf("complete %q", model.Sanitize(f.Title)))
	f.DoneAt = t.now.Unix()
	if err := t.Update("followups", id, f.Version, []string{"done_at"}, []any{f.DoneAt}); err != nil {
		return f, err
	}
	t.Touch(f.CustomerID)
	return f, nil
}

// SnoozeFollowup moves an open follow-up to a new due date (and time), as one command.
func (d *DB) SnoozeFollowup(ctx context.Context, id int64, due model.Day, dueTime string) (model.Followup, error) {
	return d.snooze(ctx, id, func(f model.Followup, today model.Day) (model.Day, string, string, error) {
		if due < today {
			return 0, "", "", model.Invalid("due", "%s is in the past: snooze to today or later", due)
		}
		return due, dueTime, fmt.Sprintf("snooze %q to %s", model.Sanitize(f.Title), due), nil
	})
}

// snooze moves an open follow-up as one command to the day (and time) pick
// chooses from the follow-up as stored in the transaction; pick also names
// the command for the undo journal.
func (d *DB) snooze(ctx context.Context, id int64, pick func(f model.Followup, today model.Day) (model.Day, string, string, error)) (model.Followup, error) {
	var out model.Followup
	err := d.Write(ctx, fmt.Sprintf("snooze follow-up %d", id), func(t *Tx) error {
		f, err := getFollowup(ctx, t.tx, id)
		if err != nil {
			return err
		}
		if f.DoneAt != 0 {
			return model.Invalid("follow-up", "follow-up %d is already done", id)
		}
		due, dueTime, desc, err := pick(f, t.Today())
		if err != nil {
			return err
		}
		t.Describe(desc)
		f.Due, f.DueTime = due, dueTime
		f.SnoozeCount++
		if err := t.UpdateFollowup(&f); err != nil {
			return err
		}
		out = f
		return nil
	})
	return out, err
}

// OpenFollowups returns a customer's open follow-ups by due date.
func (d *DB) OpenFollowups(ctx context.Context, customerID int64) ([]model.Followup, error) {
	return followupRow.all(ctx, d.r, `WHERE customer_id = ? AND done_at IS NULL AND archived_at IS NULL
		ORDER BY due_date, due_time IS NOT NULL, due_time, id`, customerID)
}
