package ui

import (
	"fmt"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// summaryParts are the launch summary's parts in p's language: "3
// overdue", "2 due today", "5 at risk", "1 rotting deal" and, when any, "4
// to touch" (in English the words of db.TriageCounts.Summary).
func summaryParts(p *i18n.Printer, c db.TriageCounts) []string {
	g := func(n int) string { return model.GroupThousands(int64(n)) }
	parts := []string{
		p.T("%s overdue", g(c.Overdue)),
		p.T("%s due today", g(c.DueToday)),
		p.T("%s at risk", g(c.AtRisk)),
		p.T("%[2]s rotting deals", c.Rotting, g(c.Rotting)),
	}
	if c.TouchDue > 0 {
		parts = append(parts, p.T("%s to touch", g(c.TouchDue)))
	}
	return parts
}

// goalLines are the goal's progress for the summary line in p's language,
// longest first: the whole line ("Dec $84,000 of $120,000 · 70% · 11 days
// left · pace $130,200", model.GoalProgress.Line in English), a medium
// and a short form; fig formats one of the goal's numbers.
func goalLines(p *i18n.Printer, g model.GoalProgress, today model.Day, fig func(int64) string) []string {
	label := periodLabel(p, g.Period, today)
	whole := p.T("%s %s of %s", label, g.Figure(g.Actual), g.Figure(g.Target)) + " · " + fmt.Sprintf("%d%%", g.Percent())
	switch {
	case g.Elapsed == 0:
		whole += " · " + p.T("starts in %s", dayCount(p, g.DaysLeft))
	case g.DaysLeft == 0 && g.Elapsed == g.Days:
		whole += " · " + p.T("ended")
	default:
		whole += " · " + p.T("%s left", dayCount(p, g.DaysLeft)) + " · " + p.T("pace %s", g.Figure(g.Pace))
	}
	short := p.T("%s %d%% of %s", label, g.Percent(), fig(g.Target))
	medium := short
	if g.DaysLeft > 0 && g.Elapsed > 0 {
		medium += " · " + p.T("pace %s", fig(g.Pace))
	}
	return []string{whole, medium, short}
}

// periodLabel is a goal's period for people: "Dec" or "Q4" (12月, Q4 in
// Chinese), with the year when it is not today's.
func periodLabel(p *i18n.Printer, gp model.GoalPeriod, today model.Day) string {
	if !p.Zh() {
		return gp.Label(today)
	}
	s := fmt.Sprintf("Q%d", gp.Quarter)
	if !gp.IsQuarter() {
		s = p.T(monthNames()[(gp.Month+11)%12])
	}
	if ty, _, _ := today.UTC().Date(); gp.Year != ty {
		s = p.T("%[2]s %[1]d", gp.Year, s)
	}
	return s
}

// monthNames are the short month names, catalog keys.
func monthNames() []string {
	return []string{i18n.N("Jan"), i18n.N("Feb"), i18n.N("Mar"), i18n.N("Apr"), i18n.N("May"), i18n.N("Jun"),
		i18n.N("Jul"), i18n.N("Aug"), i18n.N("Sep"), i18n.N("Oct"), i18n.N("Nov"), i18n.N("Dec")}
}

// dayCount is "1 day", "3 days" (3天).
func dayCount(p *i18n.Printer, n int) string { return p.T("%d days", n) }
