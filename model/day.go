// Package model holds rapport's domain: types and their validation, the
// pipeline stages, the risk engine, segmentation, date and money parsing and
// text sanitising. It is pure and deterministic: time always comes in as an
// argument, and nothing here touches storage or the terminal.
package model

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"time"

	"github.com/rapportcrm/rapport/model/i18n"
)

// Day is a local calendar date, counted in days since 1970-01-01. The zero
// Day means "no date"; real dates in a sales book are always later than that.
type Day int32

// NoDay is the zero Day: no date.
const NoDay Day = 0

// DayOf returns the calendar date of t in t's own location.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return DayFromYMD(y, m, d)
}

// DayFromYMD returns the Day for a year, month and day (normalised like time.Date).
func DayFromYMD(y int, m time.Month, d int) Day {
	return Day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// ParseDay reads a YYYY-MM-DD date.
func ParseDay(s string) (Day, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return NoDay, i18n.Errorf("%q is not a date like 2026-12-01", s)
	}
	return DayOf(t), nil
}

// BadDayError is a stored date that is not a calendar date (a row edited by
// hand: "2026-02-30", "soon").
type BadDayError struct {
	Value string // the text as stored
}

func (e *BadDayError) Error() string {
	return fmt.Sprintf("%q is not a date like 2026-12-01", e.Value)
}

// Scan implements sql.Scanner: NULL, "" and the schema's "never" value
// 0000-00-00 are NoDay; other text must be a YYYY-MM-DD calendar date, else
// the error is a *BadDayError.
func (d *Day) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
		*d = NoDay
		return nil
	case string:
		s = v
	case []byte:
		s = string(v)
	case time.Time:
		*d = DayOf(v)
		return nil
	default:
		return &BadDayError{Value: fmt.Sprint(src)}
	}
	if s == "" || s == "0000-00-00" {
		*d = NoDay
		return nil
	}
	day, err := ParseDay(s)
	if err != nil {
		return &BadDayError{Value: s}
	}
	*d = day
	return nil
}

// Value implements driver.Valuer: NoDay is NULL, any other day YYYY-MM-DD.
func (d Day) Value() (driver.Value, error) {
	if d == NoDay {
		return nil, nil
	}
	return d.String(), nil
}

// IsBadDay reports whether err comes from a stored date that is not one.
func IsBadDay(err error) bool {
	var b *BadDayError
	return errors.As(err, &b)
}

// IsZero reports whether d is NoDay.
func (d Day) IsZero() bool { return d == NoDay }

// UTC returns midnight of d as a UTC time (useful for calendar arithmetic).
func (d Day) UTC() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// In returns the start of d (00:00) in loc.
func (d Day) In(loc *time.Location) time.Time {
	y, m, dd := d.UTC().Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// String formats d as YYYY-MM-DD, or "" for NoDay.
func (d Day) String() string {
	if d == NoDay {
		return ""
	}
	return d.UTC().Format("2006-01-02")
}

// Weekday returns the day of the week of d.
func (d Day) Weekday() time.Weekday { return d.UTC().Weekday() }

// AddDays returns d moved by n days.
func (d Day) AddDays(n int) Day { return d + Day(n) }

// AddMonths returns d moved by n calendar months, clamping the day of month
// (Jan 31 + 1 month = Feb 28/29).
func (d Day) AddMonths(n int) Day {
	y, m, dd := d.UTC().Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	if dd > last {
		dd = last
	}
	return DayFromYMD(first.Year(), first.Month(), dd)
}

// Since returns the number of calendar days from d to today (today - d).
func (d Day) Since(today Day) int { return int(today - d) }

// DayOfUnix returns the local calendar date (in loc) of a UTC unix time.
func DayOfUnix(sec int64, loc *time.Location) Day {
	return DayOf(time.Unix(sec, 0).In(loc))
}

// SnoozeADay is where `z` moves a follow-up due on due: one day after the
// later of its due date and today. A snooze never pulls a date forward: a
// follow-up due in three days moves to the fourth day, an overdue one to
// tomorrow.
func SnoozeADay(due, today Day) Day {
	return max(due, today).AddDays(1)
}
