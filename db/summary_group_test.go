package db

import "testing"

// The launch summary groups its counts ("4,729 overdue"), as the lists do.
func TestSummaryGroupsCounts(t *testing.T) {
	c := TriageCounts{Overdue: 4729, DueToday: 12, AtRisk: 1000, Rotting: 2500, TouchDue: 10400}
	want := "4,729 overdue · 12 due today · 1,000 at risk · 2,500 rotting deals · 10,400 to touch"
	if got := c.Summary(); got != want {
		t.Fatalf("Summary() = %q, want %q", got, want)
	}
}
