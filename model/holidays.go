package model

import (
	"fmt"
	"github.com/rapportcrm/rapport/model/i18n"
	"strings"
	"time"

	"github.com/6tail/lunar-go/calendar"
)

// Calendar says how a holiday's month and day are counted.
type Calendar string

// Holiday calendars.
const (
	// Solar is the Gregorian calendar (元旦 1-1, Christmas 12-25).
	Solar Calendar = "solar"
	// Lunar is the Chinese lunar calendar (春节 1-1, 中秋 8-15).
	Lunar Calendar = "lunar"
)

// Holiday is a greeting day of the Care section: a month and day of the
// Gregorian or the Chinese lunar calendar.
type Holiday struct {
	Meta
	Name     string
	Calendar Calendar
	Month    int
	Day      int
}

// DefaultHolidays are the holidays of a new book.
func DefaultHolidays() []Holiday {
	return []Holiday{
		{Name: "元旦", Calendar: Solar, Month: 1, Day: 1},
		{Name: "春节", Calendar: Lunar, Month: 1, Day: 1},
		{Name: "元宵", Calendar: Lunar, Month: 1, Day: 15},
		{Name: "端午", Calendar: Lunar, Month: 5, Day: 5},
		{Name: "中秋", Calendar: Lunar, Month: 8, Day: 15},
		{Name: "国庆", Calendar: Solar, Month: 10, Day: 1},
		{Name: "Christmas", Calendar: Solar, Month: 12, Day: 25},
		{Name: "New Year", Calendar: Solar, Month: 1, Day: 1},
	}
}

// Validate checks a holiday before it is written.
func (h *Holiday) Validate() error {
	if err := ValidateName("name", h.Name); err != nil {
		return err
	}
	if len([]rune(h.Name)) > 60 {
		return Invalid("name", "is longer than 60 characters")
	}
	switch h.Calendar {
	case Solar:
		if h.Month < 1 || h.Month > 12 || h.Day < 1 || h.Day > 31 || time.Date(2000, time.Month(h.Month), h.Day, 0, 0, 0, 0, time.UTC).Day() != h.Day {
			return Invalid("date", "%02d-%02d is not a day of the year", h.Month, h.Day)
		}
	case Lunar:
		if h.Month < 1 || h.Month > 12 || h.Day < 1 || h.Day > 30 {
			return Invalid("date", "lunar %d-%d is not a lunar month (1–12) and day (1–30)", h.Month, h.Day)
		}
	default:
		return Invalid("calendar", "%q must be solar or lunar", h.Calendar)
	}
	return nil
}

// DateText is the holiday's date as the user writes it: "10-01", or
// "lunar 08-15".
func (h Holiday) DateText() string {
	if h.Calendar == Lunar {
		return fmt.Sprintf("lunar %02d-%02d", h.Month, h.Day)
	}
	return fmt.Sprintf("%02d-%02d", h.Month, h.Day)
}

// ParseHolidayDate reads a holiday's date: "10-01", "12/25", "--12-25",
// or with "lunar " (or "农历") before it, a lunar month and day ("lunar
// 8-15", "农历8月15日").
func ParseHolidayDate(s string) (Calendar, int, int, error) {
	s = strings.TrimSpace(s)
	cal := Solar
	low := strings.ToLower(s)
	for _, p := range []string{"lunar:", "lunar", "农历"} {
		if strings.HasPrefix(low, p) {
			cal, s = Lunar, strings.TrimSpace(s[len(p):])
			break
		}
	}
	day, err := ParseCareDay(strings.ReplaceAll(s, "/", "-"))
	if err != nil || !strings.HasPrefix(day, "--") {
		return "", 0, 0, i18n.Errorf("%q is not a holiday date: write the month and day (12-25), or lunar 8-15 for a lunar one", s)
	}
	_, m, d, _ := CareDayParts(day)
	return cal, m, d, nil
}

// On is the Gregorian date of the holiday in Gregorian year y. A lunar
// holiday falls in year y when its lunar year y date does (春节 of lunar year
// 2027 is 2027-02-06); a lunar day 30 in a month of 29 days falls on the
// 29th. Lunar dates hold for 1900–2100.
func (h Holiday) On(y int) Day {
	if h.Calendar != Lunar {
		return onYear(y, h.Month, h.Day)
	}
	d := h.Day
	if n := calendar.NewLunarYear(y).GetMonth(h.Month); n != nil && d > n.GetDayCount() {
		d = n.GetDayCount()
	}
	s := calendar.NewLunarFromYmd(y, h.Month, d).GetSolar()
	return DayFromYMD(s.GetYear(), time.Month(s.GetMonth()), s.GetDay())
}

// Next is the first day on or after from on which the holiday falls.
func (h Holiday) Next(from Day) Day {
	y := from.UTC().Year()
	// A lunar date of lunar year y-1 can fall in January or February of y
	// (none of the defaults does, but a user's 腊八 12-8 does).
	for _, yy := range []int{y - 1, y, y + 1} {
		if at := h.On(yy); at >= from {
			return at
		}
	}
	return h.On(y + 2)
}
