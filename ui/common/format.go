package common

import (
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// Markers that carry meaning without colour (SPEC §4, NO_COLOR).
const (
	MarkSelected = "›"
	MarkOverdue  = "!"
	MarkAtRisk   = "⚠"
	// MarkRotting marks a rotting deal (on Today and the board): neither
	// overdue (!) nor at risk (⚠), so each marker keeps one meaning.
	MarkRotting = "◷"
)

// AgoText renders a past date relative to today: "today", "yesterday",
// "12d ago", "5mo ago", "2y ago", or "never" for no date.
func AgoText(d, today model.Day) string {
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

// DueText renders a due date relative to today: "3d overdue", "today",
// "tomorrow", "in 5d", or the date itself when far away; "—" for none.
func DueText(d, today model.Day) string {
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

// Thousands groups an integer: 100000 → "100,000".
func Thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// MoneyShort renders minor units compactly ("$12k"), "—" for zero.
func MoneyShort(minor int64, currency string) string {
	if minor == 0 {
		return "—"
	}
	return model.Money{Minor: minor, Currency: currency}.FormatShort()
}

// MoneyLong renders minor units in full ("$12,000.50").
func MoneyLong(minor int64, currency string) string {
	return model.Money{Minor: minor, Currency: currency}.Format()
}
