package common

import (
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// Markers that carry meaning without colour (SPEC §4, NO_COLOR).
const (
	MarkSelected = "›"
	MarkOverdue  = "!"
	MarkAtRisk   = "⚠"
	// MarkRotting marks a rotting deal (on Today and the board): neither
	// overdue (!) nor at risk (⚠), so each marker keeps one meaning.
	MarkRotting = "◷"
	// MarkCare marks a Care row (a birthday, anniversary or holiday to
	// greet for): plain ASCII, one column in every terminal.
	MarkCare = "*"
)

// AgoText renders a past date relative to today in English: see AgoIn.
func AgoText(d, today model.Day) string { return AgoIn(nil, d, today) }

// AgoIn renders a past date relative to today in p's language: "today",
// "yesterday", "12d ago", "5mo ago", "2y ago", or "never" for no date
// (今天, 昨天, 12天前, 5个月前, 2年前, 从未).
func AgoIn(p *i18n.Printer, d, today model.Day) string {
	if d.IsZero() {
		return p.T("never")
	}
	n := int(today - d)
	switch {
	case n <= 0:
		return p.T("today")
	case n == 1:
		return p.T("yesterday")
	case n < 60:
		return p.T("%dd ago", n)
	case n < 730:
		return p.T("%dmo ago", n/30)
	}
	return p.T("%dy ago", n/365)
}

// DueText renders a due date relative to today in English: see DueIn.
func DueText(d, today model.Day) string { return DueIn(nil, d, today) }

// DueIn renders a due date relative to today in p's language: "3d
// overdue", "today", "tomorrow", "in 5d", or the date itself when far
// away; "—" for none (逾期3天, 今天, 明天, 5天后).
func DueIn(p *i18n.Printer, d, today model.Day) string {
	if d.IsZero() {
		return "—"
	}
	n := int(d - today)
	switch {
	case n < 0:
		return p.T("%dd overdue", -n)
	case n == 0:
		return p.T("today")
	case n == 1:
		return p.T("tomorrow")
	case n < 60:
		return p.T("in %dd", n)
	}
	return d.String()
}

// DayIn is a day as the reader says it: "Fri Nov 20" / "11月20日 周五",
// with the year when it is not today's.
func DayIn(p *i18n.Printer, d, today model.Day) string { return model.MonthDayIn(p, d, today) }

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

// MoneyShortIn renders minor units compactly in p's language: "$12k" in
// English, "¥12.3万" in Chinese; "—" for zero.
func MoneyShortIn(p *i18n.Printer, minor int64, currency string) string {
	if minor == 0 {
		return "—"
	}
	m := model.Money{Minor: minor, Currency: currency}
	if p.Zh() {
		return m.FormatShortZh()
	}
	return m.FormatShort()
}

// MoneyLong renders minor units in full ("$12,000.50").
func MoneyLong(minor int64, currency string) string {
	return model.Money{Minor: minor, Currency: currency}.Format()
}

// RuleMade is a follow-up's title with the playbook rule that made it
// ("Chase the proposal · rule: Proposal chase"; "First revisit · rule"
// when the title is the rule's name), or the title alone for the user's
// own (rule "").
func RuleMade(p *i18n.Printer, title, rule string) string {
	switch rule {
	case "":
		return title
	case title:
		return p.T("%s · rule", title)
	}
	return p.T("%s · rule: %s", title, rule)
}
