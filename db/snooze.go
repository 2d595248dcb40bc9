package db

import (
	"context"
	"fmt"

	"github.com/rapportcrm/rapport/model"
)

// SnoozeFollowupADay is `z` on a follow-up: it moves the follow-up to one
// day after the later of its due date and today (model.SnoozeADay), keeping
// its time of day, so a snooze never pulls a date forward. The due date is
// read inside the transaction, so a screen showing an older copy cannot
// move it to the wrong day.
func (d *DB) SnoozeFollowupADay(ctx context.Context, id int64) (model.Followup, error) {
	return d.snooze(ctx, id, func(f model.Followup, today model.Day) (model.Day, string, string, error) {
		return model.SnoozeADay(f.Due, today), f.DueTime, fmt.Sprintf("snooze %q a day", model.Sanitize(f.Title)), nil
	})
}
