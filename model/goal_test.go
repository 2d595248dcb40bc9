package model

import (
	"math"
	"testing"
)

func TestParseGoalPeriod(t *testing.T) {
	for _, c := range []struct{ in, want, from, to string }{
		{"2026-12", "2026-12", "2026-12-01", "2026-12-31"},
		{"2026-2", "2026-02", "2026-02-01", "2026-02-28"},
		{"2028/02", "2028-02", "2028-02-01", "2028-02-29"},
		{"2026-Q4", "2026-Q4", "2026-10-01", "2026-12-31"},
		{"2026q1", "2026-Q1", "2026-01-01", "2026-03-31"},
		{"2026年12月", "2026-12", "2026-12-01", "2026-12-31"},
	} {
		p, err := ParseGoalPeriod(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		from, to := p.Bounds()
		if p.String() != c.want || from.String() != c.from || to.String() != c.to {
			t.Errorf("%q: %s %s..%s", c.in, p, from, to)
		}
	}
	for _, bad := range []string{"", "2026", "2026-13", "2026-Q5", "26-12", "dec", "2026-Q"} {
		if _, err := ParseGoalPeriod(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

// TestGoalProgress checks the pace by hand: ¥84,000 by 20 December (20 of
// 31 days) projects to 84,000 × 31 / 20 = ¥130,200.
func TestGoalProgress(t *testing.T) {
	day := func(s string) Day {
		d, err := ParseDay(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	dec, _ := ParseGoalPeriod("2026-12")
	g := Goal{Measure: GoalRevenue, Period: dec, Target: 120_000_00, Currency: "CNY"}
	p := Progress(g, 84_000_00, day("2026-12-20"))
	if p.Days != 31 || p.Elapsed != 20 || p.DaysLeft != 11 || p.Pace != 130_200_00 || !p.OnPace || p.Percent() != 70 {
		t.Fatalf("%+v percent %d", p, p.Percent())
	}
	if p := Progress(g, 10_000_00, day("2026-12-20")); p.OnPace || p.Pace != 15_500_00 {
		t.Fatalf("behind: %+v", p)
	}
	if p := Progress(g, 0, day("2026-11-20")); p.Elapsed != 0 || p.DaysLeft != 31 || p.Pace != 0 {
		t.Fatalf("before: %+v", p)
	}
	if p := Progress(g, 130_000_00, day("2027-01-05")); p.DaysLeft != 0 || p.Pace != 130_000_00 || !p.OnPace || p.Percent() != 108 {
		t.Fatalf("after: %+v", p)
	}
	big := Progress(Goal{Measure: GoalWon, Period: dec, Target: 1}, math.MaxInt64/2, day("2026-12-01"))
	if big.Pace != math.MaxInt64 {
		t.Fatalf("overflow: %+v", big)
	}
	for _, bad := range []Goal{
		{Measure: "profit", Period: dec, Target: 1},
		{Measure: GoalWon, Period: dec, Target: 0},
		{Measure: GoalRevenue, Period: dec, Target: 5},
		{Measure: GoalWon, Period: dec, Target: maxGoalTarget + 1},
	} {
		if err := bad.Validate(); err == nil {
			t.Errorf("%+v validated", bad)
		}
	}
	if m, err := ParseGoalMeasure("deals"); err != nil || m != GoalWon {
		t.Errorf("deals: %v %v", m, err)
	}
}
