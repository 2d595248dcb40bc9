package db

import (
	"context"
	"fmt"
	"strconv"

	"github.com/rapportcrm/rapport/model"
)

// Describe names the command in the undo journal once the transaction knows
// what it is about (a title rather than an id). It must be called before
// the first change is recorded; later calls are ignored.
func (t *Tx) Describe(desc string) {
	if t.batch == 0 && desc != "" {
		t.desc = desc
	}
}

// SnoozeFollowupADay is `z` on a follow-up: it moves the follow-up to one
// day after the later of its due date and today (model.SnoozeADay), keeping
// its time of day, so a snooze never pulls a date forward. The due date is
// read inside the transaction, so a screen showing an older copy cannot
// move it to the wrong day.
func (d *DB) SnoozeFollowupADay(ctx context.Context, id int64) (model.Followup, error) {
	var out model.Followup
	err := d.Write(ctx, "snooze follow-up "+strconv.FormatInt(id, 10), func(t *Tx) error {
		f, err := getFollowup(ctx, t.tx, id)
		if err != nil {
			return err
		}
		if f.DoneAt != 0 {
			return model.Invalid("follow-up", "follow-up %d is already done", id)
		}
		t.Describe(fmt.Sprintf("snooze %q a day", model.Sanitize(f.Title)))
		f.Due = model.SnoozeADay(f.Due, t.Today())
		f.SnoozeCount++
		if err := t.UpdateFollowup(&f); err != nil {
			return err
		}
		out = f
		return nil
	})
	return out, err
}
