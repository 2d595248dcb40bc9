package model

import (
	"strings"
	"time"
)

// monthWord reads the words for a month's edges: "eom", "end of month",
// "月底", "本月底" (the last day of this month), "下个月", "next month" (the
// 1st of next month, as "next week" is its Monday) and "下个月底", "end of
// next month".
func (p *whenParser) monthWord(s string) (Day, bool) {
	y, m, _ := p.today.UTC().Date()
	first := func(months int) Day { return DayFromYMD(y, m+time.Month(months), 1) }
	switch s {
	case "eom", "end of month", "end of the month", "月底", "本月底", "这个月底", "月末", "本月末":
		return first(1).AddDays(-1), true
	case "next month", "下个月", "下月", "下个月初", "下月初":
		return first(1), true
	case "end of next month", "下个月底", "下月底", "下个月末", "下月末":
		return first(2).AddDays(-1), true
	}
	return NoDay, false
}

// whenMonthName knows English month names and their short forms.
func whenMonthName(s string) (int, bool) {
	s = strings.TrimSuffix(s, ".")
	for i, name := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"} {
		if s == name || (len(s) >= 3 && strings.HasPrefix(name, s)) {
			return i + 1, true
		}
	}
	if s == "sept" {
		return 9, true
	}
	return 0, false
}

// whenOrdinalDay reads a day of the month: "3", "03", "3rd", "21st".
func whenOrdinalDay(s string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		s = strings.TrimSuffix(s, suf)
	}
	s = strings.TrimSuffix(s, ",")
	return whenSmallInt(s, 31)
}

// monthNameDate reads "dec 3", "3 dec", "december 3rd", "3 december 2026"
// and "dec 3, 2026"; without a year it resolves like 12/03.
func (p *whenParser) monthNameDate(s string) (Day, bool) {
	f := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if len(f) < 2 || len(f) > 3 {
		return NoDay, false
	}
	m, ok := whenMonthName(f[0])
	dayWord := f[1]
	if !ok {
		if m, ok = whenMonthName(f[1]); !ok {
			return NoDay, false
		}
		dayWord = f[0]
	}
	d, ok := whenOrdinalDay(dayWord)
	if !ok {
		return NoDay, false
	}
	if len(f) == 3 {
		if len(f[2]) != 4 || whenDigits(f[2]) != f[2] {
			return NoDay, false
		}
		y, _ := whenSmallInt(f[2], 9999)
		return p.ymd(y, m, d)
	}
	return p.yearless(m, d)
}
