package model

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// FuzzParseWhen checks that ParseWhen never panics, that what it accepts lies
// in 1971–9999 with a valid time and parses back from its YYYY-MM-DD form,
// and that what it refuses gets the standard message.
func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{
		"today", "tomorrow", "yday", "fri", "next week", "next fri", "last mon",
		"+3d", "-2d", "2w", "1m", "+1y", "in 3 days", "3 days ago",
		"2026-12-01", "2026/12/01", "2026.12.01", "12/01", "1/5", "2/29", "12/1/26", "12/01/2026",
		"14:30", "2pm", "2:30pm", "12am", "tomorrow 14:30", "2026-12-01 14:30", "2026-12-01T14:30:00Z",
		"今天", "大后天", "周五", "星期天", "下周一", "下周", "两周后", "十五天后", "3天前",
		"12月1日", "2026年12月1日", "下午3点半", "明天下午3点", "15点30分", "１２：３０",
		"", " ", "blah", "24:00", "2026-02-30", "13/45", "9999-12-31", "+99999y", "\xff",
	} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	first, last := DayFromYMD(1971, time.January, 1), DayFromYMD(9999, time.December, 31)
	f.Fuzz(func(t *testing.T, s string) {
		for _, order := range []DateOrder{MonthFirst, DayFirst} {
			for _, mode := range []DateMode{Future, Past} {
				w, err := ParseWhen(s, now, order, mode)
				if err != nil {
					msg := err.Error()
					if !strings.HasPrefix(msg, fmt.Sprintf("%q", s)) || !strings.HasSuffix(msg, "(optionally with 14:30)") {
						t.Fatalf("ParseWhen(%q): badly formed error %q", s, msg)
					}
					continue
				}
				if w.Day < first || w.Day > last {
					t.Fatalf("ParseWhen(%q) = %d (%s), outside 1971–9999", s, w.Day, w.Day)
				}
				if w.HasTime && (w.Hour < 0 || w.Hour > 23 || w.Minute < 0 || w.Minute > 59) {
					t.Fatalf("ParseWhen(%q) = %+v: impossible time", s, w)
				}
				if !w.HasTime && (w.Hour != 0 || w.Minute != 0) {
					t.Fatalf("ParseWhen(%q) = %+v: a time without HasTime", s, w)
				}
				back, err := ParseWhen(w.Day.String(), now, order, mode)
				if err != nil || back.Day != w.Day {
					t.Fatalf("ParseWhen(%q) = %s, which parses back to %s, %v", s, w.Day, back.Day, err)
				}
				_ = w.Describe(DayOf(now))
				_ = w.Time(now.Location())
			}
		}
	})
}
