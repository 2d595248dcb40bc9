package model

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/model/i18n"
)

// DateOrder says how a bare "12/01" reads.
type DateOrder int

const (
	// MonthFirst reads 12/01 as December 1 (the default).
	MonthFirst DateOrder = iota
	// DayFirst reads 12/01 as 12 January.
	DayFirst
)

// DateMode says which way a date without a year (or a bare weekday) resolves.
type DateMode int

const (
	// Future is for due dates: "12/01" is the next such date on or after
	// today, and a weekday is the next such day after today.
	Future DateMode = iota
	// Past is for when something happened (--at): "12/01" is the last such
	// date on or before today, and a weekday the last such day before today.
	Past
)

// When is a parsed user date with an optional time of day.
type When struct {
	// Day is the calendar date in the user's zone.
	Day Day
	// HasTime is true when the user gave a time of day.
	HasTime bool
	// Hour (0–23) and Minute (0–59) are set when HasTime is true.
	Hour, Minute int
}

// whenExamples ends every ParseWhen error: what the user can type instead
// (a catalog message, said through i18n.Errorf).
const whenExamples = "try today, tomorrow, fri, +3d, 2026-12-01, 12/01, 明天, 下周一 (optionally with 14:30)"

// maxWhenRunes bounds the input ParseWhen looks at; real dates are far shorter.
const maxWhenRunes = 64

// ParseWhen parses a date the user typed, with an optional time of day,
// relative to now: now's Location is the user's zone and today is DayOf(now).
// order decides how 12/01 reads; mode decides whether a date without a year
// or a bare weekday lies ahead (due dates) or behind (when something
// happened). The forms are listed in SPEC §5 "Dates". On failure the error
// quotes s and ends with examples of what works.
func ParseWhen(s string, now time.Time, order DateOrder, mode DateMode) (When, error) {
	p := &whenParser{today: DayOf(now), loc: now.Location(), order: order, mode: mode}
	in := normalizeWhen(s)
	w, ok := p.parse(in)
	if ok && !whenDayInRange(w.Day) {
		ok = false
		p.why("years go 1971–9999")
	}
	if !ok {
		if p.reason != nil {
			return When{}, i18n.Errorf("%q is not a date (%v): %v", s, p.reason, i18n.Errorf(whenExamples))
		}
		return When{}, i18n.Errorf("%q is not a date: %v", s, i18n.Errorf(whenExamples))
	}
	return w, nil
}

// Time returns the moment w means in loc (00:00 when it has no time).
func (w When) Time(loc *time.Location) time.Time {
	y, m, d := w.Day.UTC().Date()
	if !w.HasTime {
		return time.Date(y, m, d, 0, 0, 0, 0, loc)
	}
	return time.Date(y, m, d, w.Hour, w.Minute, 0, 0, loc)
}

// HHMM returns the time of day as "14:30", or "" when w has no time.
func (w When) HHMM() string {
	if !w.HasTime {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", w.Hour, w.Minute)
}

// whenWeekdaySpan is how many days either side of today still show the
// weekday in Describe: within two weeks "Fri" helps, further out it is noise.
const whenWeekdaySpan = 14

// Describe renders a short live preview for forms, relative to today, in
// English: see DescribeIn.
func (w When) Describe(today Day) string { return w.DescribeIn(nil, today) }

// DescribeIn renders a short live preview for forms, relative to today, in
// p's language (nil: English): "Fri 2026-11-27 (in 4 days)", "Mon
// 2026-11-23 (today)", "Sun 2026-11-22 (yesterday) 14:30", "2026-10-01 (53
// days ago)"; in Chinese "周五 2026-11-27（4天后）". It returns "" for a When
// without a day.
func (w When) DescribeIn(p *i18n.Printer, today Day) string {
	if w.Day == NoDay {
		return ""
	}
	n := int(w.Day) - int(today)
	var b strings.Builder
	if n >= -whenWeekdaySpan && n <= whenWeekdaySpan {
		b.WriteString(WeekdayIn(p, w.Day.Weekday()))
		b.WriteByte(' ')
	}
	b.WriteString(w.Day.String())
	switch {
	case n == 0:
		b.WriteString(p.T(" (today)"))
	case n == 1:
		b.WriteString(p.T(" (tomorrow)"))
	case n == -1:
		b.WriteString(p.T(" (yesterday)"))
	case n > 1:
		b.WriteString(p.T(" (in %d days)", n))
	default:
		b.WriteString(p.T(" (%d days ago)", -n))
	}
	if w.HasTime {
		b.WriteByte(' ')
		b.WriteString(w.HHMM())
	}
	return b.String()
}

// WeekdayIn is a weekday's short name in p's language: "Fri", "周五".
func WeekdayIn(p *i18n.Printer, wd time.Weekday) string {
	if p.Zh() {
		return "周" + string([]rune("日一二三四五六")[wd])
	}
	return wd.String()[:3]
}

// MonthDayIn is a day as the reader says it: "Fri Nov 20" or "11月20日
// 周五", with the year when it is not today's year ("Fri Nov 20 2025",
// "2025年11月20日 周五").
func MonthDayIn(p *i18n.Printer, d, today Day) string {
	t := d.UTC()
	sameYear := t.Year() == today.UTC().Year()
	if p.Zh() {
		s := fmt.Sprintf("%d月%d日 %s", int(t.Month()), t.Day(), WeekdayIn(p, t.Weekday()))
		if !sameYear {
			s = fmt.Sprintf("%d年", t.Year()) + s
		}
		return s
	}
	s := t.Format("Mon Jan 2")
	if !sameYear {
		s += t.Format(" 2006")
	}
	return s
}

// whenDayInRange reports whether d lies in the years ParseWhen accepts, 1971–9999.
func whenDayInRange(d Day) bool {
	return d >= DayFromYMD(1971, time.January, 1) && d <= DayFromYMD(9999, time.December, 31)
}

// normalizeWhen lower-cases s, turns full-width ASCII (what Chinese input
// methods often type: "１２：３０") into plain ASCII, trims it and collapses
// runs of white space into one space.
func normalizeWhen(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// whenParser carries what one ParseWhen call resolves against, and the first
// specific reason a recognised form was rejected (to make the error helpful).
type whenParser struct {
	today  Day
	loc    *time.Location
	order  DateOrder
	mode   DateMode
	reason error
}

// why records the first reason a form that looked right was impossible.
func (p *whenParser) why(key string, args ...any) {
	if p.reason == nil {
		p.reason = i18n.Errorf(key, args...)
	}
}

// parse reads a normalised input: a date, a time (today at that time), a
// date followed by a time, a time followed by a date, or an ISO/RFC 3339
// timestamp.
func (p *whenParser) parse(in string) (When, bool) {
	if in == "" || utf8.RuneCountInString(in) > maxWhenRunes {
		return When{}, false
	}
	if d, ok := p.date(in); ok {
		return When{Day: d}, true
	}
	if h, m, ok := p.clock(in); ok {
		return When{Day: p.today, HasTime: true, Hour: h, Minute: m}, true
	}
	if w, ok := p.timestamp(in); ok {
		return w, true
	}
	// A date and a time side by side: split at a space, or anywhere next to
	// a Chinese character ("明天下午3点", "周五14:30").
	prev := rune(-1)
	for i, r := range in {
		if i > 0 {
			var dpart, tpart string
			switch {
			case r == ' ':
				dpart, tpart = in[:i], in[i+1:]
			case prev >= utf8.RuneSelf || r >= utf8.RuneSelf:
				dpart, tpart = in[:i], in[i:]
			}
			if dpart != "" && tpart != "" {
				if w, ok := p.dateThenClock(dpart, tpart); ok {
					return w, true
				}
				if r == ' ' {
					if w, ok := p.dateThenClock(tpart, dpart); ok {
						return w, true
					}
				}
			}
		}
		prev = r
	}
	return When{}, false
}

// dateThenClock combines a date part and a time part when both parse.
func (p *whenParser) dateThenClock(dpart, tpart string) (When, bool) {
	h, m, ok := p.clock(tpart)
	if !ok {
		return When{}, false
	}
	d, ok := p.date(dpart)
	if !ok {
		return When{}, false
	}
	return When{Day: d, HasTime: true, Hour: h, Minute: m}, true
}

// timestamp reads "2026-12-01t14:30" (local) and full RFC 3339 such as
// "2026-12-01t14:30:00z", which it moves into the user's zone.
func (p *whenParser) timestamp(in string) (When, bool) {
	if len(in) < 12 || in[4] != '-' || in[10] != 't' {
		return When{}, false
	}
	if t, err := time.Parse(time.RFC3339, strings.ToUpper(in)); err == nil {
		t = t.In(p.loc)
		return When{Day: DayOf(t), HasTime: true, Hour: t.Hour(), Minute: t.Minute()}, true
	}
	return p.dateThenClock(in[:10], in[11:])
}

// date reads every date form of SPEC §5.
func (p *whenParser) date(s string) (Day, bool) {
	if n, ok := whenNamedDay(s); ok {
		return p.today.AddDays(n), true
	}
	if wd, ok := whenEnglishWeekday(s); ok {
		return p.nearestWeekday(wd), true
	}
	if d, ok := p.monthWord(s); ok {
		return d, true
	}
	if rest, ok := strings.CutPrefix(s, "next "); ok {
		return p.inWeek(1, rest, whenEnglishWeekday)
	}
	if rest, ok := strings.CutPrefix(s, "last "); ok {
		return p.inWeek(-1, rest, whenEnglishWeekday)
	}
	if d, ok := p.relativeEnglish(s); ok {
		return d, true
	}
	if d, ok := p.numericDate(s); ok {
		return d, true
	}
	if d, ok := p.monthNameDate(s); ok {
		return d, true
	}
	return p.chineseDate(s)
}

// whenNamedDay knows the words for days near today.
func whenNamedDay(s string) (int, bool) {
	switch s {
	case "today", "tod", "今天", "今日":
		return 0, true
	case "tomorrow", "tom", "tmr", "tmrw", "明天", "明日":
		return 1, true
	case "yesterday", "yday", "昨天", "昨日":
		return -1, true
	case "后天":
		return 2, true
	case "大后天":
		return 3, true
	case "前天":
		return -2, true
	case "大前天":
		return -3, true
	}
	return 0, false
}

// whenEnglishWeekday reads a weekday name or its usual abbreviations.
func whenEnglishWeekday(s string) (time.Weekday, bool) {
	switch s {
	case "mon", "monday":
		return time.Monday, true
	case "tue", "tues", "tuesday":
		return time.Tuesday, true
	case "wed", "weds", "wednesday":
		return time.Wednesday, true
	case "thu", "thur", "thurs", "thursday":
		return time.Thursday, true
	case "fri", "friday":
		return time.Friday, true
	case "sat", "saturday":
		return time.Saturday, true
	case "sun", "sunday":
		return time.Sunday, true
	}
	return 0, false
}

// whenChineseWeekday reads the day after 周/星期/礼拜: 一…六, 日, 天.
func whenChineseWeekday(s string) (time.Weekday, bool) {
	switch s {
	case "一":
		return time.Monday, true
	case "二":
		return time.Tuesday, true
	case "三":
		return time.Wednesday, true
	case "四":
		return time.Thursday, true
	case "五":
		return time.Friday, true
	case "六":
		return time.Saturday, true
	case "日", "天":
		return time.Sunday, true
	}
	return 0, false
}

// nearestWeekday is the next wd strictly after today (Future) or the last wd
// strictly before today (Past); never today itself.
func (p *whenParser) nearestWeekday(wd time.Weekday) Day {
	cur := p.today.Weekday()
	if p.mode == Past {
		n := (int(cur) - int(wd) + 7) % 7
		if n == 0 {
			n = 7
		}
		return p.today.AddDays(-n)
	}
	n := (int(wd) - int(cur) + 7) % 7
	if n == 0 {
		n = 7
	}
	return p.today.AddDays(n)
}

// whenMondayIndex counts weekdays from Monday (0) to Sunday (6): weeks start on Monday.
func whenMondayIndex(wd time.Weekday) int { return (int(wd) + 6) % 7 }

// inWeek resolves "next fri"/"下周五" (weeks = 1), "last fri" (-1) or "这周五"
// (0): the weekday named by rest in the calendar week that many weeks from
// this one; rest "week" (English) or "" (Chinese) means that week's Monday.
func (p *whenParser) inWeek(weeks int, rest string, weekday func(string) (time.Weekday, bool)) (Day, bool) {
	monday := p.today.AddDays(-whenMondayIndex(p.today.Weekday()) + 7*weeks)
	if rest == "week" || rest == "" {
		return monday, true
	}
	wd, ok := weekday(rest)
	if !ok {
		return NoDay, false
	}
	return monday.AddDays(whenMondayIndex(wd)), true
}

// shift moves today by n units: 'd' days, 'w' weeks, 'm' calendar months,
// 'y' years.
func (p *whenParser) shift(n int, unit byte) Day {
	switch unit {
	case 'w':
		return p.today.AddDays(7 * n)
	case 'm':
		return p.today.AddMonths(n)
	case 'y':
		return p.today.AddMonths(12 * n)
	}
	return p.today.AddDays(n)
}

// whenMaxRelative bounds "+Nd" so day arithmetic stays far from overflow; any
// such date is outside 1971–9999 anyway.
const whenMaxRelative = 99999

// relativeEnglish reads "+3d", "-2d", "3d", "2w", "1m", "+1y", and the wordy
// "3 days", "in 2 weeks", "3 days ago".
func (p *whenParser) relativeEnglish(s string) (Day, bool) {
	sign := 1
	switch {
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	case strings.HasPrefix(s, "-"):
		sign, s = -1, s[1:]
	default:
		if rest, ok := strings.CutPrefix(s, "in "); ok {
			s = rest
		} else if rest, ok := strings.CutSuffix(s, " ago"); ok {
			sign, s = -1, rest
		}
	}
	digits := whenDigits(s)
	if digits == "" {
		return NoDay, false
	}
	unit, ok := whenEnglishUnit(strings.TrimPrefix(s[len(digits):], " "))
	if !ok {
		return NoDay, false
	}
	n, ok := whenSmallInt(digits, whenMaxRelative)
	if !ok {
		return NoDay, false
	}
	return p.shift(sign*n, unit), true
}

// whenEnglishUnit reads a unit of "+3d" and its spelled-out forms.
func whenEnglishUnit(s string) (byte, bool) {
	switch s {
	case "d", "day", "days":
		return 'd', true
	case "w", "wk", "wks", "week", "weeks":
		return 'w', true
	case "m", "mo", "month", "months":
		return 'm', true
	case "y", "yr", "yrs", "year", "years":
		return 'y', true
	}
	return 0, false
}

// whenDigits returns the run of ASCII digits that starts s.
func whenDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// whenSmallInt parses a string of ASCII digits no greater than limit.
func whenSmallInt(s string, limit int) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, n <= limit
}

// numericDate reads 2026-12-01, 2026/12/01, 2026.12.01 (month and day may
// have one digit) and 12/01, 12/01/2026, 12/1/26 in the parser's order.
func (p *whenParser) numericDate(s string) (Day, bool) {
	parts, sep := whenSplitNumbers(s)
	switch {
	case len(parts) == 3 && len(parts[0]) == 4 && (sep == '-' || sep == '/' || sep == '.') &&
		len(parts[1]) <= 2 && len(parts[2]) <= 2:
		y, _ := whenSmallInt(parts[0], 9999)
		m, _ := whenSmallInt(parts[1], 99)
		d, _ := whenSmallInt(parts[2], 99)
		return p.ymd(y, m, d)
	case sep == '/' && (len(parts) == 2 || len(parts) == 3) && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		a, _ := whenSmallInt(parts[0], 99)
		b, _ := whenSmallInt(parts[1], 99)
		m, d := a, b
		if p.order == DayFirst {
			m, d = b, a
		}
		if len(parts) == 2 {
			return p.yearless(m, d)
		}
		y, _ := whenSmallInt(parts[2], 9999)
		switch len(parts[2]) {
		case 2:
			y += 2000
		case 4:
		default:
			return NoDay, false
		}
		return p.ymd(y, m, d)
	}
	return NoDay, false
}

// whenSplitNumbers splits s into runs of ASCII digits joined by one and the same
// separator. It returns nil unless s is exactly that.
func whenSplitNumbers(s string) ([]string, byte) {
	var parts []string
	var sep byte
	for {
		digits := whenDigits(s)
		if digits == "" || len(parts) == 3 {
			return nil, 0
		}
		parts = append(parts, digits)
		s = s[len(digits):]
		if s == "" {
			return parts, sep
		}
		if sep == 0 {
			sep = s[0]
		}
		if s[0] != sep {
			return nil, 0
		}
		s = s[1:]
	}
}

// whenDaysIn returns the number of days in month m of year y.
func whenDaysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ymd checks a full date and returns its Day.
func (p *whenParser) ymd(y, m, d int) (Day, bool) {
	if y < 1971 || y > 9999 {
		p.why("years go 1971–9999")
		return NoDay, false
	}
	if m < 1 || m > 12 {
		p.why("months go 1–12")
		return NoDay, false
	}
	if d < 1 || d > whenDaysIn(y, m) {
		p.why("%04d-%02d has %d days", y, m, whenDaysIn(y, m))
		return NoDay, false
	}
	return DayFromYMD(y, time.Month(m), d), true
}

// yearless resolves a month and day without a year: the next such date on or
// after today (Future) or the last one on or before today (Past). Feb 29 goes
// to the nearest leap year that way.
func (p *whenParser) yearless(m, d int) (Day, bool) {
	if m < 1 || m > 12 {
		p.why("months go 1–12")
		return NoDay, false
	}
	if d < 1 || d > whenDaysIn(2000, m) { // 2000 is a leap year: the longest months
		p.why("%s has at most %d days", time.Month(m).String(), whenDaysIn(2000, m))
		return NoDay, false
	}
	y0, _, _ := p.today.UTC().Date()
	step := 1
	if p.mode == Past {
		step = -1
	}
	for i := 0; i <= 8; i++ { // leap years are at most 8 years apart (1896→1904)
		y := y0 + step*i
		if d > whenDaysIn(y, m) {
			continue
		}
		day := DayFromYMD(y, time.Month(m), d)
		if (p.mode == Past && day <= p.today) || (p.mode != Past && day >= p.today) {
			return day, true
		}
	}
	return NoDay, false
}

// whenCutAny cuts s around the first of seps it contains.
func whenCutAny(s string, seps ...string) (before, after string, found bool) {
	for _, sep := range seps {
		if b, a, ok := strings.Cut(s, sep); ok {
			return b, a, true
		}
	}
	return s, "", false
}
