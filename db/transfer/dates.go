package transfer

import (
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// timestampLayouts are the machine forms exports write, tried before the
// user forms of model.ParseWhen; "12 Mar 2021" is LinkedIn's.
func timestampLayouts() []string {
	return []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "02 Jan 2006", "2 Jan 2006", "Jan 2, 2006", "January 2, 2006"}
}

// parseDate reads a date (with an optional time) from a file: ISO 8601 and
// RFC 3339 timestamps, then everything model.ParseWhen reads (including the
// month/day/year US Excel writes, or day/month/year when the book's date
// order says so). mode says how a date without a year resolves. Years go
// 1971–9999 in every form, as model.ParseWhen's do.
func parseDate(s string, now time.Time, order model.DateOrder, mode model.DateMode) (model.When, error) {
	s = strings.TrimSpace(s)
	for _, l := range timestampLayouts() {
		if t, err := time.ParseInLocation(l, s, now.Location()); err == nil {
			t = t.In(now.Location())
			if y := t.Year(); y < 1971 || y > 9999 {
				return model.When{}, i18n.Errorf("%q is not a date (years go 1971–9999)", s)
			}
			w := model.When{Day: model.DayOf(t)}
			if strings.Contains(l, "15:04") && (t.Hour() != 0 || t.Minute() != 0) {
				w.HasTime, w.Hour, w.Minute = true, t.Hour(), t.Minute()
			}
			return w, nil
		}
	}
	return model.ParseWhen(s, now, order, mode)
}

// unixAt is the moment a parsed date means: its time, or noon local time
// for a bare date (a day's middle survives any zone shift when shown).
func unixAt(w model.When, loc *time.Location) int64 {
	if w.HasTime {
		return w.Time(loc).Unix()
	}
	return w.Time(loc).Add(12 * time.Hour).Unix()
}

// happened refuses a date after today for what has already happened
// (interactions, orders), as the CLI's log and the stores refuse it.
func happened(field string, w model.When, now time.Time) error {
	if today := model.DayOf(now); w.Day > today {
		return model.Invalid(field, "%s is in the future; import what already happened (follow-ups take future dates)", w.Day)
	}
	return nil
}
