package reportview

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/chart"
)

// goals draws each goal of the period against what the book holds: a bar
// of the share reached (a full bar is the target) and the pace.
func goals(w *writer, r db.Report) {
	if len(r.Goals) == 0 {
		w.head(sectionHead(w.p, "GOALS"), w.p.T("none for this period (rapport goal set revenue 2026-12 120000)"))
		return
	}
	behind := 0
	for _, g := range r.Goals {
		if !g.OnPace {
			behind++
		}
	}
	w.head(sectionHead(w.p, "GOALS"), w.p.T("%s · %d on pace", w.count(len(r.Goals), i18n.N("%d goal"), i18n.N("%d goals")), len(r.Goals)-behind))
	bars := make([]chart.Bar, 0, len(r.Goals)+1)
	for _, g := range r.Goals {
		m := model.GoalMeasure(g.Measure)
		text := w.p.T("%s of %s · %d%%", goalFigure(g, g.Actual), goalFigure(g, g.Target), g.Percent)
		switch {
		case g.DaysLeft > 0 && g.OnPace:
			text += w.p.T(" · pace %s ✓", goalFigure(g, g.Pace))
		case g.DaysLeft > 0:
			text += w.p.T(" · pace %s ! behind", goalFigure(g, g.Pace))
		}
		// Values are the share reached, so goals of different measures share
		// one scale: 100% fills the bar.
		bars = append(bars, chart.Bar{Label: g.Period + " " + measureWords(w.p, m), Value: int64(min(g.Percent, 100)), Text: text})
	}
	for _, l := range chart.BarsUpTo(bars, w.width-2, 100) {
		w.line("  %s", l)
	}
}

// goalFigure is a goal's number as model.Goal.Figure writes it.
func goalFigure(g db.GoalReport, n int64) string {
	return model.Goal{Measure: model.GoalMeasure(g.Measure), Currency: g.Currency}.Figure(n)
}

// revenue draws the book currency's revenue by month against the monthly
// revenue goals: a line chart (goals as dots) where there is room, else a
// bar per month.
func revenue(w *writer, r db.Report) {
	if len(r.RevenueByMonth) == 0 {
		return
	}
	var total int64
	for _, m := range r.RevenueByMonth {
		total, _ = model.AddMinor(total, m.Minor)
	}
	w.head(sectionHead(w.p, "REVENUE"), w.p.T("by month in %s · %s in the period", r.Currency, model.Money{Minor: total, Currency: r.Currency}.FormatWhole()))
	unit := math.Pow10(model.CurrencyDigits(r.Currency))
	vals, goals := make([]float64, len(r.RevenueByMonth)), make([]float64, len(r.RevenueByMonth))
	labels := make([]string, len(r.RevenueByMonth))
	hasGoal := false
	for i, m := range r.RevenueByMonth {
		vals[i], goals[i], labels[i] = float64(m.Minor)/unit, math.NaN(), monthLabel(w.p, m.Month)
		if m.Target != nil {
			goals[i], hasGoal = float64(*m.Target)/unit, true
		}
	}
	series := []chart.Series{{Values: vals}}
	if hasGoal {
		series = append(series, chart.Series{Values: goals, Dotted: true})
	}
	yLabel := func(v float64) string {
		return w.short(model.Money{Minor: int64(v * unit), Currency: r.Currency})
	}
	if w.lineChart(series, labels, yLabel) {
		if hasGoal {
			w.line("  %s", w.p.T("• revenue   · goal"))
		}
		return
	}
	bars := make([]chart.Bar, 0, len(r.RevenueByMonth))
	for _, m := range r.RevenueByMonth {
		text := w.short(model.Money{Minor: m.Minor, Currency: r.Currency})
		if m.Target != nil {
			text += w.p.T(" of %s", w.short(model.Money{Minor: *m.Target, Currency: r.Currency}))
		}
		bars = append(bars, chart.Bar{Label: clean(m.Month), Value: m.Minor, Text: text})
	}
	w.bars(bars)
}

// monthLabel is "Nov" for "2026-11" (and "Jan 27" for a January, so a
// chart across the new year says which).
func monthLabel(pr *i18n.Printer, ym string) string {
	p, err := model.ParseGoalPeriod(ym)
	if err != nil {
		return clean(ym)
	}
	if pr.Zh() { // a date, as model's Chinese dates write it: "11月", "27年1月"
		if p.Month == 1 {
			return fmt.Sprintf("%02d年1月", p.Year%100)
		}
		return fmt.Sprintf("%d月", p.Month)
	}
	l := time.Month(p.Month).String()[:3]
	if p.Month == 1 {
		l += fmt.Sprintf(" %02d", p.Year%100)
	}
	return l
}

// satisfaction sums up the feedback scores of the period: NPS and CSAT,
// the trend by month, how many tier A customers were asked, whose score
// fell, and why customers churned.
func satisfaction(w *writer, r db.Report) {
	s := r.Satisfaction
	if s.Answers == 0 {
		w.head(sectionHead(w.p, "SATISFACTION"), w.p.T("no feedback scores in the period (log one: rapport log NAME \"survey\" --kind feedback --score 9)"))
	} else {
		w.head(sectionHead(w.p, "SATISFACTION"), w.p.T("NPS %s · CSAT %s · %s", npsText(s.NPS), s.CSAT.Percent(), w.count(s.Answers, i18n.N("%d answer"), i18n.N("%d answers"))))
		w.field(w.p.T("Scores"), w.p.T("%d promoters (9–10) · %d passives (7–8) · %d detractors (0–6)", s.Promoters, s.Passives, s.Detractors))
		if len(s.ByMonth) > 1 {
			vals, labels := make([]float64, len(s.ByMonth)), make([]string, len(s.ByMonth))
			parts := make([]string, 0, len(s.ByMonth))
			for i, m := range s.ByMonth {
				vals[i], labels[i] = math.NaN(), monthLabel(w.p, m.Month)
				if m.NPS != nil {
					vals[i] = float64(*m.NPS)
				}
				parts = append(parts, fmt.Sprintf("%s %s", clean(m.Month), npsText(m.NPS)))
			}
			if !w.lineChart([]chart.Series{{Values: vals}}, labels, func(v float64) string { return fmt.Sprintf("%+.0f", v) }) {
				w.field(w.p.T("NPS by month"), strings.Join(parts, " · "))
			}
		}
	}
	if s.TierAAsked.D > 0 {
		w.field(w.p.T("Tier A asked"), w.p.T("%d of %d in the last 90 days (%s)", s.TierAAsked.N, s.TierAAsked.D, s.TierAAsked.Percent()))
	}
	if len(s.Fell) > 0 {
		parts := make([]string, 0, len(s.Fell))
		for _, f := range s.Fell {
			parts = append(parts, fmt.Sprintf("%s %d→%d", clean(f.Customer), f.From, f.To))
		}
		w.field(w.p.T("Score fell"), strings.Join(parts, " · "))
	}
	if len(s.ChurnReasons) > 0 {
		w.field(w.p.T("Churn reasons"), counts(s.ChurnReasons))
	}
}

// npsText is an NPS with its sign ("+32", "-5", "0"), or "—" without answers.
func npsText(n *int) string {
	if n == nil {
		return "—"
	}
	if *n > 0 {
		return fmt.Sprintf("+%d", *n)
	}
	return fmt.Sprint(*n)
}
