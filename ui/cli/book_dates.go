package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// dateReader parses the dates a verb was given (SPEC §5 Dates) relative to
// the book's clock, with the book's date-order setting.
type dateReader struct {
	now   time.Time
	order model.DateOrder
}

// newDateReader reads the date order from b's settings.
func newDateReader(ctx context.Context, e *Env, b *db.DB) (dateReader, error) {
	set, err := b.Settings(ctx)
	if err != nil {
		return dateReader{}, err
	}
	return dateReader{now: e.Now(), order: set.DateOrder}, nil
}

// parse reads one date argument; what names it in the message ("--due").
// A date that cannot be read is bad usage (exit 2).
func (d dateReader) parse(what, s string, mode model.DateMode) (model.When, error) {
	w, err := model.ParseWhen(s, d.now, d.order, mode)
	if err != nil {
		return w, argErrorf("%s: %v", what, err)
	}
	return w, nil
}

// moment turns a parsed --at into a time: the given time of day, else now
// when the day is today, else noon of that day. A moment in the future is
// refused: something that has not happened cannot be logged.
func (d dateReader) moment(what string, w model.When) (time.Time, error) {
	var t time.Time
	switch {
	case w.HasTime:
		t = w.Time(d.now.Location())
	case w.Day == model.DayOf(d.now):
		t = d.now
	default:
		t = w.Day.In(d.now.Location()).Add(12 * time.Hour)
	}
	if t.After(d.now) {
		return t, argErrorf("%s: %s is in the future; log what already happened (schedule what is to come with rapport follow)", what, t.Format("2006-01-02 15:04"))
	}
	return t, nil
}

// hhmm checks a --time value ("14:30", also "9:05").
func hhmm(s string) (string, error) {
	s = strings.TrimSpace(s)
	var h, m int
	if n, err := fmt.Sscanf(s, "%d:%d", &h, &m); n != 2 || err != nil || h < 0 || h > 23 || m < 0 || m > 59 || len(s) > 5 {
		return "", argErrorf("--time: %q is not a time like 14:30", s)
	}
	return fmt.Sprintf("%02d:%02d", h, m), nil
}
