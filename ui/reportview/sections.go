package reportview

import (
	"fmt"
	"math"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/ui/chart"
)

// funnel draws the deals that reached each stage, with the conversion to
// the next stage.
func funnel(w *writer, r db.Report) {
	w.head("FUNNEL", "deals that reached each stage (a skipped stage counts as passed)")
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
	w.head("DEALS CLOSED", fmt.Sprintf("won %d · lost %d · win rate %s", dl.Won, dl.Lost, dl.WinRate.Percent()))
	if dl.Cycle.Deals > 0 {
		w.field("Sales cycle", fmt.Sprintf("average %s d · median %s d (created → won, %d %s)",
			dayCount(dl.Cycle.AvgDays), dayCount(dl.Cycle.MedianDays), dl.Cycle.Deals, plural(dl.Cycle.Deals, "deal", "deals")))
	}
	if len(dl.AvgWon) > 0 {
		w.field("Average won", money(dl.AvgWon, false))
	}
	if len(dl.LostReasons) > 0 {
		w.field("Lost reasons", counts(dl.LostReasons))
		w.drill(Drill{Kind: DrillLost})
	}
}

// pipeline draws the open pipeline by stage (bars of the weighted value in
// the book currency) and the expected closes by month.
func pipeline(w *writer, r db.Report) {
	pl := r.Pipeline
	summary := fmt.Sprintf("%d open %s", pl.Deals, plural(pl.Deals, "deal", "deals"))
	if pl.Deals > 0 {
		summary += " · " + money(pl.Value, false) + " · weighted " + money(pl.Weighted, false)
	}
	w.head("PIPELINE", summary)
	var bars []chart.Bar
	for _, s := range pl.Stages {
		text := fmt.Sprint(s.Deals)
		if s.Deals > 0 {
			text += " · " + money(s.Value, true) + " · w " + money(s.Weighted, true)
		}
		bars = append(bars, chart.Bar{Label: clean(s.Stage), Value: bookMinor(s.Weighted, r.Currency), Text: text})
	}
	w.bars(bars)
	var closes []string
	if pl.Overdue.Deals > 0 {
		closes = append(closes, fmt.Sprintf("overdue %d %s", pl.Overdue.Deals, money(pl.Overdue.Value, true)))
	}
	for _, c := range pl.Closes {
		closes = append(closes, fmt.Sprintf("%s %d %s", clean(c.Month), c.Deals, money(c.Value, true)))
	}
	if pl.Undated > 0 {
		closes = append(closes, fmt.Sprintf("no date %d", pl.Undated))
	}
	if len(closes) > 0 {
		w.field("Expected close", strings.Join(closes, " · "))
	}
}

// retention draws the month-by-month table of customers kept and lost.
func retention(w *writer, r db.Report) {
	ret := r.Retention
	w.head("RETENTION", fmt.Sprintf("active = a contact in the last %d d (3 × rhythm %d d)", ret.WindowDays, ret.RhythmDays))
	w.line("  %-8s %6s %6s %6s %6s %6s %10s %7s", "month", "start", "kept", "lost", "back", "end", "retention", "churn")
	for _, m := range ret.Months {
		month := clean(m.Month)
		if m.Partial {
			month += "*"
		}
		w.line("  %-8s %6d %6d %6d %6d %6d %10s %7s", month, m.Start, m.Retained, m.Lost, m.Returned, m.End, m.Retention.Percent(), m.Churn.Percent())
	}
	if n := len(ret.Months); n > 0 && ret.Months[n-1].Partial {
		w.line("  * through %s", clean(ret.Months[n-1].Through))
	}
	w.field("Overall", fmt.Sprintf("retention %s · churn %s (summed over the months)", ret.Retention.Percent(), ret.Churn.Percent()))
	if len(ret.Months) > 1 {
		vals, labels := make([]float64, len(ret.Months)), make([]string, len(ret.Months))
		for i, m := range ret.Months {
			vals[i], labels[i] = math.NaN(), monthLabel(m.Month)
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
	w.head("REPURCHASE", fmt.Sprintf("%d of %d %s ordered again in the period (%s)", rp.Repeat, rp.Buyers, plural(rp.Buyers, "buyer", "buyers"), rp.Rate.Percent()))
}

// activity draws the interactions per week as sparklines, all kinds first.
func activity(w *writer, r db.Report) {
	act := r.Activity
	from := ""
	if len(act.Weeks) > 0 {
		from = clean(act.Weeks[0])
	}
	w.head("INTERACTIONS PER WEEK", fmt.Sprintf("%d weeks from %s · %d in all", len(act.Weeks), from, act.Sum))
	// "  label spark count": two spaces of indent and one between columns.
	labelW, countW := 10, 7
	sparkW := w.width - 2 - labelW - 1 - countW - 1
	w.line("  %s %s %s", chart.Cell("all", labelW), chart.Cell(chart.Sparkline(act.Total, sparkW), sparkW), chart.Right(fmt.Sprint(act.Sum), countW))
	for _, k := range act.ByKind {
		if k.Total > 0 {
			w.line("  %s %s %s", chart.Cell(clean(string(k.Kind)), labelW), chart.Cell(chart.Sparkline(k.Counts, sparkW), sparkW), chart.Right(fmt.Sprint(k.Total), countW))
		}
	}
}

// risk counts the customers at risk and to watch, and the common reasons.
func risk(w *writer, r db.Report) {
	rk := r.Risk
	w.head("RISK", fmt.Sprintf("at risk %s · watch %s · of %s active customers", group(rk.AtRisk), group(rk.Watch), group(rk.Active)))
	if len(rk.Reasons) > 0 {
		w.field("Reasons", reasonCounts(rk.Reasons))
		w.drill(Drill{Kind: DrillRisk})
	}
}

// segments draws customers and revenue per tier, and the tier changes.
func segments(w *writer, r db.Report) {
	seg := r.Segments
	w.head("SEGMENTS", "customers per tier now, revenue since "+clean(seg.RevenueSince))
	var bars []chart.Bar
	for _, t := range seg.Tiers {
		text := fmt.Sprintf("%d %s", t.Customers, plural(t.Customers, "customer", "customers"))
		if len(t.Revenue) > 0 {
			text += " · " + money(t.Revenue, true)
		}
		bars = append(bars, chart.Bar{Label: clean(string(t.Tier)), Value: bookMinor(t.Revenue, r.Currency), Text: text})
	}
	w.bars(bars)
	if len(seg.Rates) > 0 {
		w.field("Rates", clean(strings.Join(seg.Rates, "; ")))
	}
	if len(seg.RankedApart) > 0 {
		w.field("Ranked apart", clean(strings.Join(seg.RankedApart, ", "))+" customers are ranked among themselves (no exchange rate: rapport config rate CODE RATE)")
	}
	if seg.ChangedThisMonth != nil {
		w.field("Changed tier", fmt.Sprintf("%d this month", *seg.ChangedThisMonth))
	} else {
		w.field("Changed tier", "this month: not recorded (tier changes are not kept yet)")
	}
}
