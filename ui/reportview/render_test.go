package reportview

import (
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/chart"
)

// hostileReport is a report with long, wide and hostile names in every
// place a name from the database goes.
func hostileReport() db.Report {
	changed := 2
	r := db.Report{Today: "2026-11-23", Period: db.Period{From: model.DayFromYMD(2026, 8, 26), To: model.DayFromYMD(2026, 11, 23)}, Currency: "USD"}
	r.Funnel = []db.FunnelStep{{Stage: "王芳的很长很长的阶段名称 Negotiation\x1b[2J", Reached: 12, ToNext: db.Ratio{N: 3, D: 12}}, {Stage: "Won", Reached: 3}}
	r.Deals = db.DealFigures{Won: 3, Lost: 1, WinRate: db.Ratio{N: 3, D: 4}, Cycle: db.Cycle{Deals: 3, AvgDays: 12.5, MedianDays: 10},
		AvgWon: []db.Amount{{Currency: "USD", Minor: 123456789}, {Currency: "EUR", Minor: 99}}, LostReasons: []db.Count{{Name: "price\x1b[31m evil\u202e\u009b1m", Count: 1}}}
	r.Pipeline = db.Pipeline{Deals: 2, Stages: []db.PipelineStage{{Stage: "Lead\x07", Deals: 2, Value: []db.Amount{{Currency: "USD", Minor: 1e12}}, Weighted: []db.Amount{{Currency: "USD", Minor: 1e11}}}}}
	r.Retention = db.Retention{RhythmDays: 31, WindowDays: 93, Months: []db.RetentionMonth{{Month: "2026-11", Partial: true, Through: "2026-11-23", Start: 100000, Retained: 99999}}}
	r.Activity = db.Activity{Weeks: make([]string, 26), Total: make([]int, 26), ByKind: []db.KindSeries{{Kind: model.KindCall, Counts: make([]int, 26), Total: 5}}}
	r.Activity.Total[25] = 5
	r.Risk = db.RiskSummary{AtRisk: 1, Active: 3, Reasons: []db.Count{{Name: "silent\x1b]0;x\x07", Count: 1}}}
	r.RiskCheck = db.RiskCheck{Shown: true, Checked: "2026-11-23", ScoredAsOf: "2026-08-25", FittedAsOf: "2026-05-27\x1b[2J", HorizonDays: 90,
		Customers: 1712, Lapsed: 272, AUC: 0.8876, RecencyAUC: 0.8012, AtRisk: 178, Precision: db.Ratio{N: 163, D: 178}, Recall: db.Ratio{N: 163, D: 272},
		Training: 1712, InWords: "in this book, how long since the last order matters most\u202e"}
	r.Segments = db.Segments{Tiers: []db.TierSplit{{Tier: model.TierA, Customers: 1, Revenue: []db.Amount{{Currency: "USD", Minor: 5}}}}, ChangedThisMonth: &changed}
	r.Goals = []db.GoalReport{{Measure: "revenue", Period: "2026-11", Target: 120_000_00, Actual: 84_000_00, Currency: "USD", Percent: 70, Pace: 130_200_00, OnPace: true, DaysLeft: 7},
		{Measure: "won", Period: "2026-Q4", Target: 8, Actual: 9_000_000_000, Percent: 112_500_000_000, Pace: 9_000_000_000}}
	nps := -5
	r.Satisfaction = db.Satisfaction{Answers: 20, Promoters: 5, Passives: 9, Detractors: 6, NPS: &nps, CSAT: db.Ratio{N: 14, D: 20},
		ByMonth:      []db.SatisfactionMonth{{Month: "2026-10", NPS: &nps}, {Month: "2026-11"}},
		TierAAsked:   db.Ratio{N: 1, D: 4},
		Fell:         []db.ScoreFall{{Customer: "王芳\x1b]52;c;cm0g\x07", From: 9, To: 3}},
		ChurnReasons: []db.Count{{Name: "price\u202e", Count: 2}}}
	return r
}

func TestRenderFitsEveryWidthAndSanitises(t *testing.T) {
	r := hostileReport()
	for _, w := range []int{1, 19, 20, 33, 40, 60, 80, 120, 250} {
		out := Render(r, w)
		for _, l := range strings.Split(out, "\n") {
			if chart.Width(l) > max(w, MinWidth) {
				t.Errorf("width %d: %q is %d cells", w, l, chart.Width(l))
			}
		}
		for _, bad := range []string{"\x1b", "\u202e", "\x07", "\x9b", "\u009b"} {
			if strings.Contains(out, bad) {
				t.Errorf("width %d: %q from the database reached the text", w, bad)
			}
		}
	}
	out := Render(r, 80)
	for _, want := range []string{"Report 2026-08-26 … 2026-11-23 (90 days) · today 2026-11-23", "12 → 25%", "average 12.5 d · median 10 d",
		"$1,234,567.89 + €0.99", "Lost reasons    price evil 1", "Changed tier    2 this month", "2026-11*",
		"AUC 0.89 vs 0.80 for days since last order", "178 flagged · precision 91.6% · recall 59.9%"} {
		if !strings.Contains(out, want) {
			t.Errorf("render lacks %q:\n%s", want, out)
		}
	}
}

// TestRenderIsTitleAndLines: Render is the title line then Lines, and the
// head lines are exactly the section titles, each after a blank line.
func TestRenderIsTitleAndLines(t *testing.T) {
	r := hostileReport()
	lines := Lines(r, 80)
	var b strings.Builder
	b.WriteString(Title(r, 80) + "\n")
	var heads []string
	for i, l := range lines {
		b.WriteString(l.Text + "\n")
		if l.Head {
			heads = append(heads, strings.Fields(l.Text)[0])
			if i == 0 || lines[i-1].Text != "" {
				t.Errorf("head %q does not follow a blank line", l.Text)
			}
		}
	}
	if b.String() != Render(r, 80) {
		t.Fatal("Render is not Title + Lines")
	}
	if got := strings.Join(heads, ","); got != "FUNNEL,DEALS,PIPELINE,RETENTION,REPURCHASE,INTERACTIONS,RISK,RISK,SEGMENTS,GOALS,SATISFACTION" {
		t.Fatalf("sections %s", got)
	}
}

func TestRenderEmptyReport(t *testing.T) {
	out := Render(db.Report{Period: db.Period{From: model.DayFromYMD(2026, 1, 1), To: model.DayFromYMD(2026, 1, 30)}}, 80)
	for _, want := range []string{"0 open deals", "won 0 · lost 0 · win rate –", "0 of 0 buyers ordered again in the period (–)",
		"this month: not recorded", "RISK CHECK  not made yet"} {
		if !strings.Contains(out, want) {
			t.Errorf("empty render lacks %q:\n%s", want, out)
		}
	}
}

// TestChartsDegradeToBars: line charts at 60 columns and more, bars and
// tables below, and with NoCharts (a dumb terminal).
func TestChartsDegradeToBars(t *testing.T) {
	r := hostileReport()
	goal := int64(150_000_00)
	r.RevenueByMonth = []db.MonthRevenue{{Month: "2026-10", Minor: 120_000_00}, {Month: "2026-11", Minor: 90_000_00, Target: &goal}}
	r.Retention.Months = append([]db.RetentionMonth{{Month: "2026-10", Start: 10, Retained: 9, Retention: db.Ratio{N: 9, D: 10}}}, r.Retention.Months...)
	braille := func(s string) bool { return strings.ContainsAny(s, "⠁⠂⠄⡀⠈⠐⠠⢀⣀⠤⠒⠉") }
	for _, c := range []struct {
		width  int
		opt    Options
		charts bool
	}{{80, Options{}, true}, {60, Options{}, true}, {59, Options{}, false}, {120, Options{NoCharts: true}, false}} {
		out := RenderWith(r, c.width, c.opt)
		if braille(out) != c.charts {
			t.Errorf("width %d %+v: charts %v, want %v:\n%s", c.width, c.opt, braille(out), c.charts, out)
		}
		if !c.charts && !strings.Contains(out, "of $150k") {
			t.Errorf("width %d: no revenue bars against the goal:\n%s", c.width, out)
		}
		if c.charts && !strings.Contains(out, "· goal") {
			t.Errorf("width %d: no legend for the goal dots", c.width)
		}
		for _, l := range strings.Split(out, "\n") {
			if w := chart.Width(l); w > max(c.width, MinWidth) {
				t.Fatalf("width %d: line of %d: %q", c.width, w, l)
			}
		}
	}
}
