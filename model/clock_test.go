package model

import "testing"

func TestParseClock(t *testing.T) {
	for in, want := range map[string]string{
		"14:30": "14:30", "9:05": "09:05", "3pm": "15:00", "2:30 PM": "14:30", "12am": "00:00",
		"下午3点": "15:00", "上午10点半": "10:30", "１４：３０": "14:30",
	} {
		got, err := ParseClock(in)
		if err != nil || got != want {
			t.Errorf("ParseClock(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "25:00", "soon", "3pm tomorrow"} {
		if got, err := ParseClock(in); err == nil {
			t.Errorf("ParseClock(%q) = %q, want an error", in, got)
		}
	}
}
