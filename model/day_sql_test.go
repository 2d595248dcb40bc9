package model

import "testing"

func TestDayScanAndValue(t *testing.T) {
	for _, c := range []struct {
		src  any
		want Day
		bad  bool
	}{
		{nil, NoDay, false},
		{"", NoDay, false},
		{"0000-00-00", NoDay, false},
		{"2026-11-23", DayFromYMD(2026, 11, 23), false},
		{[]byte("2024-02-29"), DayFromYMD(2024, 2, 29), false},
		{"2026-02-30", NoDay, true},
		{"soon", NoDay, true},
		{int64(5), NoDay, true},
	} {
		var d Day
		err := d.Scan(c.src)
		if (err != nil) != c.bad || d != c.want {
			t.Errorf("Scan(%v) = %v, %v", c.src, d, err)
		}
		if c.bad && !IsBadDay(err) {
			t.Errorf("Scan(%v): error %v is not a BadDayError", c.src, err)
		}
	}
	if v, _ := NoDay.Value(); v != nil {
		t.Errorf("NoDay.Value() = %v, want NULL", v)
	}
	if v, _ := DayFromYMD(2026, 1, 2).Value(); v != "2026-01-02" {
		t.Errorf("Value() = %v", v)
	}
}
