package model

import "testing"

// TestLunarHolidays checks the lunar holidays against the dates of the
// published calendars (the State Council's holiday notices for 2024–2026;
// 2027 as printed in Chinese almanacs): 春节, 元宵, 端午, 中秋.
func TestLunarHolidays(t *testing.T) {
	want := map[int][4]string{
		2024: {"2024-02-10", "2024-02-24", "2024-06-10", "2024-09-17"},
		2025: {"2025-01-29", "2025-02-12", "2025-05-31", "2025-10-06"},
		2026: {"2026-02-17", "2026-03-03", "2026-06-19", "2026-09-25"},
		2027: {"2027-02-06", "2027-02-20", "2027-06-09", "2027-09-15"},
	}
	byName := map[string]Holiday{}
	for _, h := range DefaultHolidays() {
		byName[h.Name] = h
	}
	for y, w := range want {
		for i, name := range []string{"春节", "元宵", "端午", "中秋"} {
			if got := byName[name].On(y).String(); got != w[i] {
				t.Errorf("%s %d = %s, want %s", name, y, got, w[i])
			}
		}
	}
	if got := byName["国庆"].On(2027).String(); got != "2027-10-01" {
		t.Errorf("国庆 2027 = %s", got)
	}
}

func TestHolidayNext(t *testing.T) {
	from, _ := ParseDay("2027-09-10")
	h := Holiday{Name: "中秋", Calendar: Lunar, Month: 8, Day: 15}
	if got := h.Next(from).String(); got != "2027-09-15" {
		t.Errorf("next 中秋 = %s", got)
	}
	after, _ := ParseDay("2027-09-16")
	if got := h.Next(after).String(); got != "2028-10-03" {
		t.Errorf("中秋 after 2027's = %s, want 2028-10-03", got)
	}
	// 腊八 (lunar 12-8) of lunar year 2026 falls in January 2027.
	jan, _ := ParseDay("2027-01-01")
	laba := Holiday{Name: "腊八", Calendar: Lunar, Month: 12, Day: 8}
	if got := laba.Next(jan).String(); got != "2027-01-15" {
		t.Errorf("腊八 after 2027-01-01 = %s, want 2027-01-15", got)
	}
	// Lunar day 30 of a 29-day month falls on its 29th (除夕 of lunar 2026).
	eve := Holiday{Name: "除夕", Calendar: Lunar, Month: 12, Day: 30}
	if got := eve.On(2026).String(); got != "2027-02-05" {
		t.Errorf("除夕 lunar 2026 = %s, want 2027-02-05", got)
	}
}

func TestParseHolidayDate(t *testing.T) {
	cases := map[string][3]any{
		"12-25": {Solar, 12, 25}, "10/01": {Solar, 10, 1}, "lunar 8-15": {Lunar, 8, 15},
		"农历8月15日": {Lunar, 8, 15}, "lunar:01-01": {Lunar, 1, 1},
	}
	for in, w := range cases {
		c, m, d, err := ParseHolidayDate(in)
		if err != nil || c != w[0] || m != w[1] || d != w[2] {
			t.Errorf("ParseHolidayDate(%q) = %s %d %d %v", in, c, m, d, err)
		}
	}
	for _, in := range []string{"2027-12-25", "xmas", "13-01", "lunar 13-01"} {
		if _, _, _, err := ParseHolidayDate(in); err == nil {
			t.Errorf("ParseHolidayDate(%q) accepted", in)
		}
	}
	bad := Holiday{Name: "x", Calendar: Lunar, Month: 1, Day: 31}
	if bad.Validate() == nil {
		t.Error("lunar day 31 validated")
	}
}
