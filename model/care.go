package model

import (
	"fmt"
	"github.com/rapportcrm/rapport/model/i18n"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// CareKind is what a care date stands for.
type CareKind string

// Care date kinds.
const (
	// CareBirthday is a contact's birthday (or the customer's own, when
	// the customer is a person).
	CareBirthday CareKind = "birthday"
	// CareAnniversary is the customer's anniversary with us; without one
	// the day of its first order stands in.
	CareAnniversary CareKind = "anniversary"
	// CareLabelled is a free-form date with a label ("contract renewal").
	CareLabelled CareKind = "date"
)

// CareDate is a date worth remembering about a customer or one of its
// contacts.
type CareDate struct {
	Meta
	CustomerID int64
	ContactID  int64 // 0: the customer's own
	Kind       CareKind
	Label      string
	// Day is YYYY-MM-DD, or --MM-DD when the year is not known.
	Day string
	// Yearly dates come back every year; the others happen once.
	Yearly bool
}

// MaxCareLabelLen is the longest label of a care date.
const MaxCareLabelLen = 200

// Validate checks a care date before it is written.
func (c *CareDate) Validate() error {
	if c.CustomerID <= 0 {
		return Invalid("customer", "is required")
	}
	switch c.Kind {
	case CareBirthday, CareAnniversary:
	case CareLabelled:
		if strings.TrimSpace(c.Label) == "" {
			return Invalid("label", "is required: say what the date is (\"contract renewal\")")
		}
	default:
		return Invalid("kind", "%q must be birthday, anniversary or date", c.Kind)
	}
	if len([]rune(c.Label)) > MaxCareLabelLen {
		return Invalid("label", "is longer than %d characters", MaxCareLabelLen)
	}
	if _, _, _, err := splitCareDay(c.Day); err != nil {
		return Invalid("date", "%v", err)
	}
	if !c.Yearly && strings.HasPrefix(c.Day, "--") {
		return Invalid("date", "a date that happens once needs its year (2027-03-31)")
	}
	return nil
}

// Title is how a care date reads in a list: "Birthday", "Anniversary" (keys
// of the catalog: say them with p.T) or its label.
func (c CareDate) Title() string {
	switch c.Kind {
	case CareBirthday:
		return i18n.N("Birthday")
	case CareAnniversary:
		return i18n.N("Anniversary")
	}
	return c.Label
}

var (
	careISO    = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	careSlash  = regexp.MustCompile(`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$`)
	careBasic  = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	careNoYear = regexp.MustCompile(`^(?:--)?(\d{1,2})-?(\d{2})$|^(?:--)?(\d{1,2})-(\d{1,2})$`)
	careZH     = regexp.MustCompile(`^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]$`)
)

// ParseCareDay reads a birthday, anniversary or labelled date as people
// and address books write it: 1988-05-12, 1988/5/12, 19880512 (vCard 2.1
// and 4.0 basic form), 05-12, --05-12 or --0512 (no year, vCard), 1988年5月12日
// or 5月12日; a time after the date (vCard's T…) is ignored. It returns the
// stored form: YYYY-MM-DD, or --MM-DD without a year.
func ParseCareDay(s string) (string, error) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "T "); i > 0 && len(s) > 8 {
		s = s[:i]
	}
	y, m, d := 0, 0, 0
	num := func(v string) int { n, _ := strconv.Atoi(v); return n }
	switch {
	case careISO.MatchString(s):
		p := careISO.FindStringSubmatch(s)
		y, m, d = num(p[1]), num(p[2]), num(p[3])
	case careSlash.MatchString(s):
		p := careSlash.FindStringSubmatch(s)
		y, m, d = num(p[1]), num(p[2]), num(p[3])
	case careBasic.MatchString(s):
		p := careBasic.FindStringSubmatch(s)
		y, m, d = num(p[1]), num(p[2]), num(p[3])
	case careZH.MatchString(s):
		p := careZH.FindStringSubmatch(s)
		if p[1] != "" {
			y = num(p[1])
		}
		m, d = num(p[2]), num(p[3])
	case careNoYear.MatchString(s):
		p := careNoYear.FindStringSubmatch(s)
		if p[1] != "" {
			m, d = num(p[1]), num(p[2])
		} else {
			m, d = num(p[3]), num(p[4])
		}
	default:
		return "", i18n.Errorf("%q is not a date: write 1988-05-12, or 05-12 without the year", s)
	}
	out := fmt.Sprintf("--%02d-%02d", m, d)
	if y != 0 {
		out = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	}
	if _, _, _, err := splitCareDay(out); err != nil {
		return "", err
	}
	return out, nil
}

// splitCareDay checks a stored care day and returns its parts (year 0 when
// it has none).
func splitCareDay(s string) (y, m, d int, err error) {
	bad := i18n.Errorf("%q is not a date: write 1988-05-12, or 05-12 without the year", s)
	var rest string
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		if y, err = strconv.Atoi(s[:4]); err != nil {
			return 0, 0, 0, bad
		}
		rest = s[5:]
	case len(s) == 7 && strings.HasPrefix(s, "--") && s[4] == '-':
		rest = s[2:]
	default:
		return 0, 0, 0, bad
	}
	m, err1 := strconv.Atoi(rest[:2])
	d, err2 := strconv.Atoi(rest[3:])
	if err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, 0, 0, bad
	}
	// Feb 29 without a year is a real birthday; with one it must be a leap year.
	yy := y
	if yy == 0 {
		yy = 2000
	}
	if y != 0 && (y < 1900 || y > 2200) {
		return 0, 0, 0, i18n.Errorf("%q: the year must be between 1900 and 2200: write the date as 1988-05-12", s)
	}
	if t := time.Date(yy, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
		return 0, 0, 0, i18n.Errorf("%q is not a calendar date", s)
	}
	return y, m, d, nil
}

// CareDayParts returns a stored care day's year (0 when not known), month
// and day; ok is false for a value that is not a care day (a row edited by
// hand).
func CareDayParts(s string) (y, m, d int, ok bool) {
	y, m, d, err := splitCareDay(s)
	return y, m, d, err == nil
}

// onYear is month/day in year y; 29 February falls on the 28th in a year
// without it.
func onYear(y, m, d int) Day {
	if m == 2 && d == 29 && !isLeap(y) {
		d = 28
	}
	return DayFromYMD(y, time.Month(m), d)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// NextCareDay is the first day on or after from on which the care day
// falls: this year's or next year's for a yearly one, the date itself for
// one that happens once (false when it has passed or the value is bad).
func NextCareDay(day string, yearly bool, from Day) (Day, bool) {
	y, m, d, err := splitCareDay(day)
	if err != nil {
		return NoDay, false
	}
	if !yearly {
		if y == 0 {
			return NoDay, false
		}
		at := DayFromYMD(y, time.Month(m), d)
		return at, at >= from
	}
	fy := from.UTC().Year()
	at := onYear(fy, m, d)
	if at < from {
		at = onYear(fy+1, m, d)
	}
	if y != 0 && at.UTC().Year() < y {
		return NoDay, false // before the date first happened
	}
	return at, true
}

// CareYears is how many years the care day is old on on (a birthday's age,
// an anniversary's count); 0 when its year is not known.
func CareYears(day string, on Day) int {
	y, _, _, err := splitCareDay(day)
	if err != nil || y == 0 {
		return 0
	}
	return on.UTC().Year() - y
}
