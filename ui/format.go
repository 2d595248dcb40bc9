package ui

import (
	"fmt"

	"github.com/rapportcrm/rapport/model"
)

// Markers that carry meaning without colour (SPEC §4, NO_COLOR).
const (
	markSelected = "›"
	markOverdue  = "!"
	markAtRisk   = "⚠"
)

// agoText renders a past date relative to today: "today", "yesterday",
// "12d ago", "5mo ago", "2y ago", or "never" for no date.
func agoText(d, today model.Day) string {
	if d.IsZero() {
		return "never"
	}
	n := int(today - d)
	switch {
	case n <= 0:
		return "today"
	case n == 1:
		return "yesterday"
	case n < 60:
		return fmt.Sprintf("%dd ago", n)
	case n < 730:
		return fmt.Sprintf("%dmo ago", n/30)
	}
	return fmt.Sprintf("%dy ago", n/365)
}

// dueText renders a due date relative to today: "3d overdue", "today",
// "tomorrow", "in 5d", or the date itself when far away; "—" for none.
func dueText(d, today model.Day) string {
	if d.IsZero() {
		return "—"
	}
	n := int(d - today)
	switch {
	case n < 0:
		return fmt.Sprintf("%dd overdue", -n)
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n < 60:
		return fmt.Sprintf("in %dd", n)
	}
	return d.String()
}

// moneyShort renders minor units compactly ("$12k"), "—" for zero.
func moneyShort(minor int64, currency string) string {
	if minor == 0 {
		return "—"
	}
	return model.Money{Minor: minor, Currency: currency}.FormatShort()
}

// moneyLong renders minor units in full ("$12,000.50").
func moneyLong(minor int64, currency string) string {
	return model.Money{Minor: minor, Currency: currency}.Format()
}
