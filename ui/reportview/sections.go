package reportview

import (
	"fmt"
	"math"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/chart"
)

// funnel draws the deals that reached each stage, with the conversion to
// the next stage.
func funnel(w *writer, r db.Report) {
	w.head(sectionHead(w.p, "FUNNEL"), w.p.T("deals that reached each stage (a skipped stage counts as passed)"))
	var bars []chart.Bar
	for _, s := range r.Funnel {
		text := fmt.Sprint(s.Reached)
		if s.ToNext.D > 0 {
			text += " → " + s.ToNext.Percent()
		}
		bars = append(bars, chart.Bar{Label: clean(s.Stage), Value: int64(s.Reached), Text: text})
	}
	first := len(w.lines)
	w.bars(bars)
	for i, s := range r.Funnel {
		if first+i < len(w.lines) && s.Reached > 0 {
			w.lines[first+i].Drill = Drill{Kind: DrillFunnel, Key: s.Stage}
		}
	}
}

// deals sums up the deals closed in the period: win rate, sales cycle,
// average won size and the lost reasons.
func deals(w *writer, r db.Report) {
	dl := r.Deals
	w.head(sectionHead(w.p, "DEALS CLOSED"), w.p.T("won %d · lost %d · win rate %s", dl.Won, dl.Lost, dl.WinRate.Percent()))
	if dl.Cycle.Deals > 0 {
		w.field(w.p.T("Sales cycle"), w.p.T("average %s d · median %s d (created → won, %s)",
			dayCount(dl.Cycle.AvgDays), dayCount(dl.Cycle.MedianDays), w.count(dl.Cycle.Deals, i18n.N("%d deal"), i18n.N("%d deals"))))
	}
	if len(dl.AvgWon) > 0 {
		w.field(w.p.T("Average won"), w.money(dl.AvgWon, false))
	}
	if len(dl.LostReasons) > 0 {
		w.field(w.p.T("Lost reasons"), counts(dl.LostReasons))
		w.drill(Drill{Kind: DrillLost})
	}
}

// pipeline draws the open pipeline by stage (bars of the weighted value in
// the book currency) and the expected closes by month.
func pipeline(w *writer, r db.Report) {
	pl := r.Pipeline
	summary := w.count(pl.Deals, i18n.N("%d open deal"), i18n.N("%d open deals"))
	if pl.Deals > 0 {
		summary += " · " + w.money(pl.Value, false) + w.p.T(" · weighted %s", w.money(pl.Weighted, false))
	}
	w.head(sectionHead(w.p, "PIPELINE"), summary)
	var bars []chart.Bar
	for _, s := range pl.Stages {
		text := fmt.Sprint(s.Deals)
		if s.Deals > 0 {
			text += " · " + w.money(s.Value, true) + w.p.T(" · w %s", w.money(s.Weighted, true))
		}
		bars = append(bars, chart.Bar{Label: clean(s.Stage), Value: bookMinor(s.Weighted, r.Currency), Text: text})
	}
	w.bars(bars)
	var closes []string
	if pl.Overdue.Deals > 0 {
		closes = append(closes, w.p.T("overdue %d %s", pl.Overdue.Deals, w.money(pl.Overdue.Value, true)))
	}
	for _, c := range pl.Closes {
		closes = append(closes, fmt.Sprintf("%s %d %s", clean(c.Month), c.Deals, w.money(c.Value, true)))
	}
	if pl.Undated > 0 {
		closes = append(closes, w.p.T("no date %d", pl.Undated))
	}
	if len(closes) > 0 {
		w.field(w.p.T("Expected close"), strings.Join(closes, " · "))
	}
}

// retention draws the month-by-month table of customers kept and lost.
func retention(w *writer, r db.Report) {
	ret := r.Retention
	w.head(sectionHead(w.p, "RETENTION"), w.p.T("active = a contact in the last %d d (3 × rhythm %d d)", ret.WindowDays, ret.RhythmDays))
	// The headings are one message, its words split at "|" (a word such as
	// "back" alone would be a key's help); laid out in cells (chart.Cell,
	// chart.Right), not runes as %-8s would: Chinese is two cells a character.
	p := w.p
	h := strings.Split(p.T("month|start|kept|lost|back|end|retention|churn"), "|")
	for len(h) < 8 {
		h = append(h, "")
	}
	w.line("  %s %s %s %s %s %s %s %s", chart.Cell(h[0], 8), chart.Right(h[1], 6), chart.Right(h[2], 6), chart.Right(h[3], 6),
		chart.Right(h[4], 6), chart.Right(h[5], 6), chart.Right(h[6], 10), chart.Right(h[7], 7))
	for _, m := range ret.Months {
		month := clean(m.Month)
		if m.Partial {
			month += "*"
		}
		w.line("  %-8s %6d %6d %6d %6d %6d %10s %7s", month, m.Start, m.Retained, m.Lost, m.Returned, m.End, m.Retention.Percent(), m.Churn.Percent())
	}
	if n := len(ret.Months); n > 0 && ret.Months[n-1].Partial {
		w.line("  %s", p.T("* through %s", clean(ret.Months[n-1].Through)))
	}
	w.field(p.T("Overall"), p.T("retention %s · churn %s (summed over the months)", ret.Retention.Percent(), ret.Churn.Percent()))
	if len(ret.Months) > 1 {
		vals, labels := make([]float64, len(ret.Months)), make([]string, len(ret.Months))
		for i, m := range ret.Months {
			vals[i], labels[i] = math.NaN(), monthLabel(w.p, m.Month)
			if rate, ok := m.Retention.Rate(); ok {
				vals[i] = 100 * rate
			}
		}
		w.rateChart([]chart.Series{{Values: vals}}, labels, func(v float64) string { return fmt.Sprintf("%.1f%%", v) })
	}
}

// repurchase is one line: buyers who ordered again.
func repurchase(w *writer, r db.Report) {
	rp := r.Repurchase
	w.head(sectionHead(w.p, "REPURCHASE"), w.p.T("%d of %s ordered again in the period (%s)", rp.Repeat, w.count(rp.Buyers, i18n.N("%d buyer"), i18n.N("%d buyers")), rp.Rate.Percent()))
}

// activity draws the interactions per week as sparklines, all kinds first.
func activity(w *writer, r db.Report) {
	act := r.Activity
	from := ""
	if len(act.Weeks) > 0 {
		from = clean(act.Weeks[0])
	}
	w.head(sectionHead(w.p, "INTERACTIONS PER WEEK"), w.p.T("%d weeks from %s · %d in all", len(act.Weeks), from, act.Sum))
	// "  label spark count": two spaces of indent and one between columns.
	labelW, countW := 10, 7
	sparkW := w.width - 2 - labelW - 1 - countW - 1
	w.line("  %s %s %s", chart.Cell(w.p.T("all"), labelW), chart.Cell(chart.Sparkline(act.Total, sparkW), sparkW), chart.Right(fmt.Sprint(act.Sum), countW))
	for _, k := range act.ByKind {
		if k.Total > 0 {
			w.line("  %s %s %s", chart.Cell(KindWords(w.p, string(k.Kind)), labelW), chart.Cell(chart.Sparkline(k.Counts, sparkW), sparkW), chart.Right(fmt.Sprint(k.Total), countW))
		}
	}
}

// risk counts the customers at risk and to watch, and the common reasons.
func risk(w *writer, r db.Report) {
	rk := r.Risk
	w.head(sectionHead(w.p, "RISK"), w.p.T("at risk %s · watch %s · of %s active customers", group(rk.AtRisk), group(rk.Watch), group(rk.Active)))
	if len(rk.Reasons) > 0 {
		w.field(w.p.T("Reasons"), reasonCounts(w.p, rk.Reasons))
		w.drill(Drill{Kind: DrillRisk})
	}
}

// segments draws customers and revenue per tier, and the tier changes.
func segments(w *writer, r db.Report) {
	seg := r.Segments
	w.head(sectionHead(w.p, "SEGMENTS"), w.p.T("customers per tier now, revenue since %s", clean(seg.RevenueSince)))
	var bars []chart.Bar
	for _, t := range seg.Tiers {
		text := w.count(t.Customers, i18n.N("%d customer"), i18n.N("%d customers"))
		if len(t.Revenue) > 0 {
			text += " · " + w.money(t.Revenue, true)
		}
		bars = append(bars, chart.Bar{Label: clean(string(t.Tier)), Value: bookMinor(t.Revenue, r.Currency), Text: text})
	}
	w.bars(bars)
	if len(seg.Rates) > 0 {
		w.field(w.p.T("Rates"), clean(strings.Join(seg.Rates, "; ")))
	}
	if len(seg.RankedApart) > 0 {
		w.field(w.p.T("Ranked apart"), w.p.T("%s customers are ranked among themselves (no exchange rate: rapport config rate CODE RATE)", clean(strings.Join(seg.RankedApart, ", "))))
	}
	if seg.ChangedThisMonth != nil {
		w.field(w.p.T("Changed tier"), w.p.T("%d this month", *seg.ChangedThisMonth))
	} else {
		w.field(w.p.T("Changed tier"), w.p.T("this month: not recorded (tier changes are not kept yet)"))
	}
}
