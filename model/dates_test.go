package model

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// whenZone is a fixed zone (UTC+8) so the tests do not depend on time.Local.
func whenZone() *time.Location { return time.FixedZone("CST", 8*3600) }

// whenNow is Monday 2026-11-23 10:00 in whenZone.
func whenNow() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, whenZone()) }

// whenCase is one ParseWhen input and what it should give; want is
// "YYYY-MM-DD" or "YYYY-MM-DD HH:MM".
type whenCase struct {
	in    string
	order DateOrder
	mode  DateMode
	want  string
}

// formatWhen renders a When the way whenCase.want spells it.
func formatWhen(w When) string {
	if w.HasTime {
		return w.Day.String() + " " + w.HHMM()
	}
	return w.Day.String()
}

func runWhenCases(t *testing.T, now time.Time, cases []whenCase) {
	t.Helper()
	for _, c := range cases {
		name := fmt.Sprintf("%s/order=%d/mode=%d", c.in, c.order, c.mode)
		t.Run(name, func(t *testing.T) {
			w, err := ParseWhen(c.in, now, c.order, c.mode)
			if err != nil {
				t.Fatalf("ParseWhen(%q) error: %v", c.in, err)
			}
			if got := formatWhen(w); got != c.want {
				t.Errorf("ParseWhen(%q) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}

func TestParseWhenWords(t *testing.T) {
	F, P := Future, Past
	runWhenCases(t, whenNow(), []whenCase{
		{"today", MonthFirst, F, "2026-11-23"},
		{"  ToDay  ", MonthFirst, F, "2026-11-23"},
		{"tod", MonthFirst, F, "2026-11-23"},
		{"tomorrow", MonthFirst, F, "2026-11-24"},
		{"TOMORROW", MonthFirst, P, "2026-11-24"},
		{"tom", MonthFirst, F, "2026-11-24"},
		{"tmr", MonthFirst, F, "2026-11-24"},
		{"yesterday", MonthFirst, F, "2026-11-22"},
		{"yday", MonthFirst, P, "2026-11-22"},

		// Weekdays: never today (a Monday), ahead in Future, behind in Past.
		{"mon", MonthFirst, F, "2026-11-30"},
		{"monday", MonthFirst, F, "2026-11-30"},
		{"tue", MonthFirst, F, "2026-11-24"},
		{"tues", MonthFirst, F, "2026-11-24"},
		{"tuesday", MonthFirst, F, "2026-11-24"},
		{"wed", MonthFirst, F, "2026-11-25"},
		{"weds", MonthFirst, F, "2026-11-25"},
		{"Wednesday", MonthFirst, F, "2026-11-25"},
		{"thu", MonthFirst, F, "2026-11-26"},
		{"thur", MonthFirst, F, "2026-11-26"},
		{"thurs", MonthFirst, F, "2026-11-26"},
		{"thursday", MonthFirst, F, "2026-11-26"},
		{"fri", MonthFirst, F, "2026-11-27"},
		{"Friday", MonthFirst, F, "2026-11-27"},
		{"sat", MonthFirst, F, "2026-11-28"},
		{"saturday", MonthFirst, F, "2026-11-28"},
		{"sun", MonthFirst, F, "2026-11-29"},
		{"sunday", MonthFirst, F, "2026-11-29"},
		{"mon", MonthFirst, P, "2026-11-16"},
		{"tue", MonthFirst, P, "2026-11-17"},
		{"fri", MonthFirst, P, "2026-11-20"},
		{"sun", MonthFirst, P, "2026-11-22"},

		// Calendar weeks start on Monday.
		{"next week", MonthFirst, F, "2026-11-30"},
		{"next   week", MonthFirst, P, "2026-11-30"},
		{"next mon", MonthFirst, F, "2026-11-30"},
		{"next tue", MonthFirst, F, "2026-12-01"},
		{"next friday", MonthFirst, F, "2026-12-04"},
		{"next sun", MonthFirst, F, "2026-12-06"},
		{"last week", MonthFirst, P, "2026-11-16"},
		{"last fri", MonthFirst, P, "2026-11-20"},

		// Offsets.
		{"+3d", MonthFirst, F, "2026-11-26"},
		{"3d", MonthFirst, F, "2026-11-26"},
		{"3d", MonthFirst, P, "2026-11-26"},
		{"-2d", MonthFirst, F, "2026-11-21"},
		{"0d", MonthFirst, F, "2026-11-23"},
		{"2w", MonthFirst, F, "2026-12-07"},
		{"+2w", MonthFirst, F, "2026-12-07"},
		{"-1w", MonthFirst, F, "2026-11-16"},
		{"1m", MonthFirst, F, "2026-12-23"},
		{"-1m", MonthFirst, F, "2026-10-23"},
		{"+1y", MonthFirst, F, "2027-11-23"},
		{"-1y", MonthFirst, F, "2025-11-23"},
		{"+3 days", MonthFirst, F, "2026-11-26"},
		{"in 2 weeks", MonthFirst, F, "2026-12-07"},
		{"3 days ago", MonthFirst, F, "2026-11-20"},
		{"1 month", MonthFirst, F, "2026-12-23"},
	})
}

func TestParseWhenNumeric(t *testing.T) {
	F, P := Future, Past
	runWhenCases(t, whenNow(), []whenCase{
		{"2026-12-01", MonthFirst, F, "2026-12-01"},
		{"2026-12-01", DayFirst, P, "2026-12-01"},
		{"2026/12/01", MonthFirst, F, "2026-12-01"},
		{"2026.12.01", MonthFirst, F, "2026-12-01"},
		{"2026-1-5", MonthFirst, F, "2026-01-05"},
		{"2024-02-29", MonthFirst, F, "2024-02-29"},
		{"1971-01-01", MonthFirst, F, "1971-01-01"},
		{"9999-12-31", MonthFirst, F, "9999-12-31"},

		// Without a year: Future = on or after today, Past = on or before.
		{"12/01", MonthFirst, F, "2026-12-01"},
		{"12/1", MonthFirst, F, "2026-12-01"},
		{"12/01", MonthFirst, P, "2025-12-01"},
		{"12/01", DayFirst, F, "2027-01-12"},
		{"12/01", DayFirst, P, "2026-01-12"},
		{"01/05", MonthFirst, F, "2027-01-05"},
		{"1/5", MonthFirst, F, "2027-01-05"},
		{"1/5", MonthFirst, P, "2026-01-05"},
		{"1/5", DayFirst, F, "2027-05-01"},
		{"11/23", MonthFirst, F, "2026-11-23"},
		{"11/23", MonthFirst, P, "2026-11-23"},
		{"23/11", DayFirst, F, "2026-11-23"},
		{"11/24", MonthFirst, F, "2026-11-24"},
		{"11/24", MonthFirst, P, "2025-11-24"},
		{"11/22", MonthFirst, F, "2027-11-22"},
		{"11/22", MonthFirst, P, "2026-11-22"},
		{"13/12", DayFirst, F, "2026-12-13"},
		{"2/29", MonthFirst, F, "2028-02-29"},
		{"2/29", MonthFirst, P, "2024-02-29"},
		{"29/2", DayFirst, F, "2028-02-29"},
		{"12/31", MonthFirst, F, "2026-12-31"},

		// With a year.
		{"12/01/2026", MonthFirst, F, "2026-12-01"},
		{"12/01/2026", MonthFirst, P, "2026-12-01"},
		{"12/01/2026", DayFirst, F, "2026-01-12"},
		{"12/1/26", MonthFirst, F, "2026-12-01"},
		{"1/12/27", DayFirst, F, "2027-12-01"},
		{"2/29/2028", MonthFirst, F, "2028-02-29"},

		// Full-width digits from Chinese input methods.
		{"２０２６－１２－０１", MonthFirst, F, "2026-12-01"},
	})
}

func TestParseWhenChinese(t *testing.T) {
	F, P := Future, Past
	runWhenCases(t, whenNow(), []whenCase{
		{"今天", MonthFirst, F, "2026-11-23"},
		{"明天", MonthFirst, F, "2026-11-24"},
		{"后天", MonthFirst, F, "2026-11-25"},
		{"大后天", MonthFirst, F, "2026-11-26"},
		{"昨天", MonthFirst, P, "2026-11-22"},
		{"前天", MonthFirst, P, "2026-11-21"},

		{"周五", MonthFirst, F, "2026-11-27"},
		{"星期五", MonthFirst, F, "2026-11-27"},
		{"礼拜五", MonthFirst, F, "2026-11-27"},
		{"周一", MonthFirst, F, "2026-11-30"},
		{"周日", MonthFirst, F, "2026-11-29"},
		{"周天", MonthFirst, F, "2026-11-29"},
		{"星期日", MonthFirst, F, "2026-11-29"},
		{"星期天", MonthFirst, F, "2026-11-29"},
		{"周五", MonthFirst, P, "2026-11-20"},
		{"周一", MonthFirst, P, "2026-11-16"},
		{"星期天", MonthFirst, P, "2026-11-22"},

		{"下周一", MonthFirst, F, "2026-11-30"},
		{"下星期一", MonthFirst, F, "2026-11-30"},
		{"下个星期一", MonthFirst, F, "2026-11-30"},
		{"下礼拜三", MonthFirst, F, "2026-12-02"},
		{"下周五", MonthFirst, F, "2026-12-04"},
		{"下周五", MonthFirst, P, "2026-12-04"},
		{"下周日", MonthFirst, F, "2026-12-06"},
		{"下周", MonthFirst, F, "2026-11-30"},
		{"上周五", MonthFirst, P, "2026-11-20"},
		{"上周", MonthFirst, P, "2026-11-16"},
		{"这周五", MonthFirst, F, "2026-11-27"},
		{"本周日", MonthFirst, F, "2026-11-29"},

		{"3天后", MonthFirst, F, "2026-11-26"},
		{"三天后", MonthFirst, F, "2026-11-26"},
		{"3天以后", MonthFirst, F, "2026-11-26"},
		{"两周后", MonthFirst, F, "2026-12-07"},
		{"2周后", MonthFirst, F, "2026-12-07"},
		{"两个星期后", MonthFirst, F, "2026-12-07"},
		{"1个月后", MonthFirst, F, "2026-12-23"},
		{"一个月后", MonthFirst, F, "2026-12-23"},
		{"一年后", MonthFirst, F, "2027-11-23"},
		{"3天前", MonthFirst, P, "2026-11-20"},
		{"十天后", MonthFirst, F, "2026-12-03"},
		{"十五天后", MonthFirst, F, "2026-12-08"},
		{"二十天后", MonthFirst, F, "2026-12-13"},
		{"二十一天后", MonthFirst, F, "2026-12-14"},
		{"九十九天前", MonthFirst, F, "2026-08-16"},

		{"12月1日", MonthFirst, F, "2026-12-01"},
		{"12月1号", MonthFirst, F, "2026-12-01"},
		{"12月1日", DayFirst, F, "2026-12-01"},
		{"12月1日", MonthFirst, P, "2025-12-01"},
		{"十二月一日", MonthFirst, F, "2026-12-01"},
		{"1月5日", MonthFirst, F, "2027-01-05"},
		{"11月23日", MonthFirst, F, "2026-11-23"},
		{"2月29日", MonthFirst, F, "2028-02-29"},
		{"2026年12月1日", MonthFirst, F, "2026-12-01"},
		{"2026年12月1日", MonthFirst, P, "2026-12-01"},
		{"2025年1月5号", MonthFirst, F, "2025-01-05"},
	})
}

func TestParseWhenTimes(t *testing.T) {
	F, P := Future, Past
	runWhenCases(t, whenNow(), []whenCase{
		// A time alone is today.
		{"14:30", MonthFirst, F, "2026-11-23 14:30"},
		{"9:05", MonthFirst, F, "2026-11-23 09:05"},
		{"0:00", MonthFirst, F, "2026-11-23 00:00"},
		{"23:59", MonthFirst, F, "2026-11-23 23:59"},
		{"14:30:00", MonthFirst, F, "2026-11-23 14:30"},
		{"2pm", MonthFirst, F, "2026-11-23 14:00"},
		{"2 PM", MonthFirst, F, "2026-11-23 14:00"},
		{"2:30pm", MonthFirst, F, "2026-11-23 14:30"},
		{"11am", MonthFirst, F, "2026-11-23 11:00"},
		{"12am", MonthFirst, F, "2026-11-23 00:00"},
		{"12pm", MonthFirst, F, "2026-11-23 12:00"},
		{"12:15am", MonthFirst, F, "2026-11-23 00:15"},
		{"下午3点", MonthFirst, F, "2026-11-23 15:00"},
		{"下午3点半", MonthFirst, F, "2026-11-23 15:30"},
		{"下午三点", MonthFirst, F, "2026-11-23 15:00"},
		{"上午10点", MonthFirst, F, "2026-11-23 10:00"},
		{"晚上8点", MonthFirst, F, "2026-11-23 20:00"},
		{"早上9点", MonthFirst, F, "2026-11-23 09:00"},
		{"中午12点", MonthFirst, F, "2026-11-23 12:00"},
		{"中午1点", MonthFirst, F, "2026-11-23 13:00"},
		{"凌晨2点", MonthFirst, F, "2026-11-23 02:00"},
		{"3点", MonthFirst, F, "2026-11-23 03:00"},
		{"3点钟", MonthFirst, F, "2026-11-23 03:00"},
		{"15点30分", MonthFirst, F, "2026-11-23 15:30"},
		{"15点30", MonthFirst, F, "2026-11-23 15:30"},
		{"9点05分", MonthFirst, F, "2026-11-23 09:05"},
		{"十点一刻", MonthFirst, F, "2026-11-23 10:15"},
		{"下午2:30", MonthFirst, F, "2026-11-23 14:30"},
		{"１４：３０", MonthFirst, F, "2026-11-23 14:30"},

		// A date, then a time.
		{"tomorrow 14:30", MonthFirst, F, "2026-11-24 14:30"},
		{"tomorrow 2pm", MonthFirst, F, "2026-11-24 14:00"},
		{"tomorrow 2 pm", MonthFirst, F, "2026-11-24 14:00"},
		{"fri 9:05", MonthFirst, F, "2026-11-27 09:05"},
		{"fri 9:05", MonthFirst, P, "2026-11-20 09:05"},
		{"next fri 11am", MonthFirst, F, "2026-12-04 11:00"},
		{"+3d 14:30", MonthFirst, F, "2026-11-26 14:30"},
		{"12/01 2:30pm", MonthFirst, F, "2026-12-01 14:30"},
		{"12/01/2026 14:30", DayFirst, F, "2026-01-12 14:30"},
		{"2026-12-01 14:30", MonthFirst, F, "2026-12-01 14:30"},
		{"2026-12-01T14:30", MonthFirst, F, "2026-12-01 14:30"},
		{"2026-12-01T14:30:00+08:00", MonthFirst, F, "2026-12-01 14:30"},
		{"2026-12-01T14:30:00Z", MonthFirst, F, "2026-12-01 22:30"},
		{"2026-12-01T20:00:00Z", MonthFirst, F, "2026-12-02 04:00"},
		{"明天下午3点", MonthFirst, F, "2026-11-24 15:00"},
		{"明天 下午3点", MonthFirst, F, "2026-11-24 15:00"},
		{"明天14:30", MonthFirst, F, "2026-11-24 14:30"},
		{"周五下午3点半", MonthFirst, F, "2026-11-27 15:30"},
		{"下周一上午10点", MonthFirst, F, "2026-11-30 10:00"},
		{"12月1日15点30分", MonthFirst, F, "2026-12-01 15:30"},
		{"2026年12月1日 晚上8点", MonthFirst, F, "2026-12-01 20:00"},
		{"昨天晚上8点", MonthFirst, P, "2026-11-22 20:00"},
		{"3天前 14:30", MonthFirst, P, "2026-11-20 14:30"},
		{"tomorrow 下午3点", MonthFirst, F, "2026-11-24 15:00"},

		// A time, then a date.
		{"14:30 tomorrow", MonthFirst, F, "2026-11-24 14:30"},
		{"2pm fri", MonthFirst, F, "2026-11-27 14:00"},
	})
}

// TestParseWhenEdges covers a weekday named on that weekday, and month-end
// and year rollovers.
func TestParseWhenEdges(t *testing.T) {
	cst := whenZone()
	F, P := Future, Past
	friday := time.Date(2026, 11, 27, 18, 0, 0, 0, cst)
	runWhenCases(t, friday, []whenCase{
		{"fri", MonthFirst, F, "2026-12-04"},
		{"friday", MonthFirst, P, "2026-11-20"},
		{"周五", MonthFirst, F, "2026-12-04"},
		{"周五", MonthFirst, P, "2026-11-20"},
		{"next fri", MonthFirst, F, "2026-12-04"},
		{"next week", MonthFirst, F, "2026-11-30"},
		{"下周", MonthFirst, F, "2026-11-30"},
		{"这周五", MonthFirst, F, "2026-11-27"},
	})
	sunday := time.Date(2026, 11, 29, 9, 0, 0, 0, cst)
	runWhenCases(t, sunday, []whenCase{
		{"next week", MonthFirst, F, "2026-11-30"},
		{"下周一", MonthFirst, F, "2026-11-30"},
		{"mon", MonthFirst, F, "2026-11-30"},
		{"sun", MonthFirst, F, "2026-12-06"},
		{"next sun", MonthFirst, F, "2026-12-06"},
		{"last week", MonthFirst, P, "2026-11-16"},
	})
	newYearsEve := time.Date(2026, 12, 31, 23, 30, 0, 0, cst)
	runWhenCases(t, newYearsEve, []whenCase{
		{"tomorrow", MonthFirst, F, "2027-01-01"},
		{"+2d", MonthFirst, F, "2027-01-02"},
		{"1m", MonthFirst, F, "2027-01-31"},
		{"2m", MonthFirst, F, "2027-02-28"},
		{"mon", MonthFirst, F, "2027-01-04"},
		{"next week", MonthFirst, F, "2027-01-04"},
		{"12/31", MonthFirst, F, "2026-12-31"},
		{"12/30", MonthFirst, F, "2027-12-30"},
		{"1/1", MonthFirst, F, "2027-01-01"},
		{"1/1", MonthFirst, P, "2026-01-01"},
		{"12/31", MonthFirst, P, "2026-12-31"},
		{"明天", MonthFirst, F, "2027-01-01"},
	})
	newYearsDay := time.Date(2027, 1, 1, 0, 30, 0, 0, cst)
	runWhenCases(t, newYearsDay, []whenCase{
		{"yesterday", MonthFirst, P, "2026-12-31"},
		{"12/31", MonthFirst, P, "2026-12-31"},
		{"last fri", MonthFirst, P, "2026-12-25"},
		{"-1m", MonthFirst, P, "2026-12-01"},
	})
	leapDay := time.Date(2028, 2, 29, 12, 0, 0, 0, cst)
	runWhenCases(t, leapDay, []whenCase{
		{"2/29", MonthFirst, F, "2028-02-29"},
		{"2/29", MonthFirst, P, "2028-02-29"},
		{"1y", MonthFirst, F, "2029-02-28"},
		{"3/1", MonthFirst, P, "2027-03-01"},
	})
	endOfJanuary := time.Date(2027, 1, 31, 12, 0, 0, 0, cst)
	runWhenCases(t, endOfJanuary, []whenCase{
		{"1m", MonthFirst, F, "2027-02-28"},
		{"1个月后", MonthFirst, F, "2027-02-28"},
	})
}

// TestParseWhenUTC checks that today and RFC 3339 times follow now's zone.
func TestParseWhenUTC(t *testing.T) {
	cst := whenZone()
	// The same instant as whenNow: 02:00 UTC, still Monday 2026-11-23.
	now := whenNow().UTC()
	runWhenCases(t, now, []whenCase{
		{"today", MonthFirst, Future, "2026-11-23"},
		{"fri", MonthFirst, Future, "2026-11-27"},
		{"2026-12-01T20:00:00Z", MonthFirst, Future, "2026-12-01 20:00"},
		{"2026-12-01T02:00:00+08:00", MonthFirst, Future, "2026-11-30 18:00"},
		{"tomorrow 14:30", MonthFirst, Future, "2026-11-24 14:30"},
	})
	// 20:00 UTC on the 23rd is already the 24th in cst.
	late := time.Date(2026, 11, 23, 20, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		loc  *time.Location
		want string
	}{{time.UTC, "2026-11-23"}, {cst, "2026-11-24"}} {
		w, err := ParseWhen("today", late.In(c.loc), MonthFirst, Future)
		if err != nil || w.Day.String() != c.want {
			t.Errorf("today in %s = %v, %v; want %s", c.loc, w.Day, err, c.want)
		}
	}
}

func TestParseWhenErrors(t *testing.T) {
	const tail = "try today, tomorrow, fri, +3d, 2026-12-01, 12/01, 明天, 下周一 (optionally with 14:30)"
	for _, c := range []struct {
		in    string
		order DateOrder
		why   string // a fragment of the reason, when there is one
	}{
		{"", MonthFirst, ""},
		{"   ", MonthFirst, ""},
		{"blah", MonthFirst, ""},
		{"next", MonthFirst, ""},
		{"next blah", MonthFirst, ""},
		{"last", MonthFirst, ""},
		{"monday tuesday", MonthFirst, ""},
		{"tomorrow tomorrow", MonthFirst, ""},
		{"fri fri", MonthFirst, ""},
		{"d", MonthFirst, ""},
		{"+d", MonthFirst, ""},
		{"++3d", MonthFirst, ""},
		{"+-3d", MonthFirst, ""},
		{"3x", MonthFirst, ""},
		{"3", MonthFirst, ""},
		{"12", MonthFirst, ""},
		{"3 mon", MonthFirst, ""},
		{"+999999d", MonthFirst, ""},
		{"+99999y", MonthFirst, "1971–9999"},
		{"-99999d", MonthFirst, "1971–9999"},
		{"20261201", MonthFirst, ""},
		{"12-01", MonthFirst, ""},
		{"12.01", MonthFirst, ""},
		{"2026-12/01", MonthFirst, ""},
		{"2026--12-01", MonthFirst, ""},
		{"2026-12-01-", MonthFirst, ""},
		{"2026-123-01", MonthFirst, ""},
		{"2026-02-30", MonthFirst, "28 days"},
		{"2026-02-29", MonthFirst, "28 days"},
		{"2026-13-01", MonthFirst, "months"},
		{"2026-00-10", MonthFirst, "months"},
		{"2026-12-00", MonthFirst, "31 days"},
		{"1970-12-31", MonthFirst, "1971–9999"},
		{"0000-01-01", MonthFirst, "1971–9999"},
		{"10000-01-01", MonthFirst, ""},
		{"1/1/1970", MonthFirst, "1971–9999"},
		{"13/45", MonthFirst, "months"},
		{"13/45", DayFirst, "months"},
		{"13/12", MonthFirst, "months"},
		{"2/30", MonthFirst, "at most 29"},
		{"4/31", MonthFirst, "at most 30"},
		{"0/5", MonthFirst, "months"},
		{"5/0", MonthFirst, "at most"},
		{"2/29/2027", MonthFirst, "28 days"},
		{"12/01/202", MonthFirst, ""},
		{"12/01/2026/1", MonthFirst, ""},
		{"12/", MonthFirst, ""},
		{"/12", MonthFirst, ""},
		{"/", MonthFirst, ""},
		{":", MonthFirst, ""},
		{"-", MonthFirst, ""},
		{"+", MonthFirst, ""},
		{"24:00", MonthFirst, "hours"},
		{"25:00", MonthFirst, "hours"},
		{"12:60", MonthFirst, "minutes"},
		{"9:5", MonthFirst, ""},
		{"14:30:61", MonthFirst, "seconds"},
		{"13pm", MonthFirst, "1–12"},
		{"0am", MonthFirst, "1–12"},
		{"14:30pm", MonthFirst, "1–12"},
		{"pm", MonthFirst, ""},
		{"tomorrow 25:00", MonthFirst, "hours"},
		{"2026-12-01 24:00", MonthFirst, "hours"},
		{"2026-12-01T25:00:00Z", MonthFirst, ""},
		{"2026-12-01T", MonthFirst, ""},
		{"今天今天", MonthFirst, ""},
		{"下午", MonthFirst, ""},
		{"点", MonthFirst, ""},
		{"24点", MonthFirst, "hours"},
		{"3点61分", MonthFirst, "minutes"},
		{"上午13点", MonthFirst, "12点"},
		{"晚上12点", MonthFirst, "midnight"},
		{"下午2pm", MonthFirst, ""},
		{"周八", MonthFirst, ""},
		{"周", MonthFirst, ""},
		{"下下周一", MonthFirst, ""},
		{"十百天后", MonthFirst, ""},
		{"一百天后", MonthFirst, ""},
		{"天后", MonthFirst, ""},
		{"3月后", MonthFirst, ""},
		{"13月1日", MonthFirst, "months"},
		{"2月30日", MonthFirst, "at most 29"},
		{"12月1", MonthFirst, ""},
		{"26年12月1日", MonthFirst, ""},
		{"99/99", MonthFirst, "months"},
		{strings.Repeat("tomorrow ", 20), MonthFirst, ""},
		{"\x00", MonthFirst, ""},
		{"\xff\xfe", MonthFirst, ""},
	} {
		t.Run(c.in, func(t *testing.T) {
			w, err := ParseWhen(c.in, whenNow(), c.order, Future)
			if err == nil {
				t.Fatalf("ParseWhen(%q) = %s, want an error", c.in, formatWhen(w))
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, fmt.Sprintf("%q is not a date", c.in)) {
				t.Errorf("error %q does not start with the quoted input", msg)
			}
			if !strings.HasSuffix(msg, tail) {
				t.Errorf("error %q does not end with the examples", msg)
			}
			if c.why != "" && !strings.Contains(msg, c.why) {
				t.Errorf("error %q does not say %q", msg, c.why)
			}
			if w != (When{}) {
				t.Errorf("failed ParseWhen returned %+v, want the zero When", w)
			}
		})
	}
}

func TestWhenTimeAndHHMM(t *testing.T) {
	cst := whenZone()
	day := DayFromYMD(2026, time.December, 1)
	for _, c := range []struct {
		w    When
		loc  *time.Location
		want time.Time
		hhmm string
	}{
		{When{Day: day}, cst, time.Date(2026, 12, 1, 0, 0, 0, 0, cst), ""},
		{When{Day: day}, time.UTC, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), ""},
		{When{Day: day, HasTime: true, Hour: 14, Minute: 30}, cst, time.Date(2026, 12, 1, 14, 30, 0, 0, cst), "14:30"},
		{When{Day: day, HasTime: true, Hour: 9, Minute: 5}, time.UTC, time.Date(2026, 12, 1, 9, 5, 0, 0, time.UTC), "09:05"},
		{When{Day: day, HasTime: true}, cst, time.Date(2026, 12, 1, 0, 0, 0, 0, cst), "00:00"},
	} {
		if got := c.w.Time(c.loc); !got.Equal(c.want) || got.Location() != c.loc {
			t.Errorf("%+v.Time(%s) = %v, want %v", c.w, c.loc, got, c.want)
		}
		if got := c.w.HHMM(); got != c.hhmm {
			t.Errorf("%+v.HHMM() = %q, want %q", c.w, got, c.hhmm)
		}
	}
}

func TestWhenDescribe(t *testing.T) {
	today := DayFromYMD(2026, time.November, 23)
	d := func(m time.Month, dd int) Day { return DayFromYMD(2026, m, dd) }
	for _, c := range []struct {
		w    When
		want string
	}{
		{When{Day: d(11, 27)}, "Fri 2026-11-27 (in 4 days)"},
		{When{Day: d(11, 23)}, "Mon 2026-11-23 (today)"},
		{When{Day: d(11, 24)}, "Tue 2026-11-24 (tomorrow)"},
		{When{Day: d(11, 22), HasTime: true, Hour: 14, Minute: 30}, "Sun 2026-11-22 (yesterday) 14:30"},
		{When{Day: d(10, 1)}, "2026-10-01 (53 days ago)"},
		{When{Day: d(12, 7)}, "Mon 2026-12-07 (in 14 days)"},
		{When{Day: d(12, 8)}, "2026-12-08 (in 15 days)"},
		{When{Day: d(11, 9)}, "Mon 2026-11-09 (14 days ago)"},
		{When{Day: DayFromYMD(2027, time.January, 5), HasTime: true, Hour: 9}, "2027-01-05 (in 43 days) 09:00"},
		{When{}, ""},
	} {
		if got := c.w.Describe(today); got != c.want {
			t.Errorf("%+v.Describe = %q, want %q", c.w, got, c.want)
		}
	}
}

// TestParseWhenRoundTrip checks that every Day ParseWhen gives back parses to
// itself again, in every order and mode.
func TestParseWhenRoundTrip(t *testing.T) {
	now := whenNow()
	for _, in := range []string{"today", "fri", "12/01", "1/5", "12/12", "明天", "下周一", "12月1日", "1m", "-1y", "14:30"} {
		for _, order := range []DateOrder{MonthFirst, DayFirst} {
			for _, mode := range []DateMode{Future, Past} {
				w, err := ParseWhen(in, now, order, mode)
				if err != nil {
					t.Fatalf("ParseWhen(%q): %v", in, err)
				}
				back, err := ParseWhen(w.Day.String(), now, order, mode)
				if err != nil || back.Day != w.Day || back.HasTime {
					t.Errorf("ParseWhen(%q) = %s, which parses back to %+v, %v", in, w.Day, back, err)
				}
			}
		}
	}
}

// TestParseWhenMonthWords: month names and the words for a month's edges
// (issue 21, "dates people type that are refused now").
func TestParseWhenMonthWords(t *testing.T) {
	F, P := Future, Past
	runWhenCases(t, whenNow(), []whenCase{ // today is Monday 2026-11-23
		{"dec 3", MonthFirst, F, "2026-12-03"},
		{"3 dec", MonthFirst, F, "2026-12-03"},
		{"December 3rd", MonthFirst, F, "2026-12-03"},
		{"3 december 2027", MonthFirst, F, "2027-12-03"},
		{"dec 3, 2026", MonthFirst, F, "2026-12-03"},
		{"sept 1", MonthFirst, F, "2027-09-01"},
		{"sept 1", MonthFirst, P, "2026-09-01"},
		{"nov 23", MonthFirst, F, "2026-11-23"},
		{"jan 21st 14:30", MonthFirst, F, "2027-01-21 14:30"},
		{"eom", MonthFirst, F, "2026-11-30"},
		{"end of month", MonthFirst, F, "2026-11-30"},
		{"月底", MonthFirst, F, "2026-11-30"},
		{"下个月", MonthFirst, F, "2026-12-01"},
		{"next month", MonthFirst, F, "2026-12-01"},
		{"下个月底", MonthFirst, F, "2026-12-31"},
		{"月底 下午3点", MonthFirst, F, "2026-11-30 15:00"},
	})
	for _, bad := range []string{"dec 32", "feb 30 2026", "mon 3", "3 decx"} {
		if _, err := ParseWhen(bad, whenNow(), MonthFirst, Future); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}
