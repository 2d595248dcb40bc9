package cli

import (
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/chart"
)

// reportVerbs returns the verbs defined in this file.
func reportVerbs() map[string]Verb {
	return map[string]Verb{
		"report":  {Usage: "report [--json] [--period 30d|90d|365d|YYYY-MM..YYYY-MM]", Summary: "funnel, win rate, pipeline, retention and churn, activity, risk", Run: runReport},
		"segment": {Usage: "segment [--dry-run]", Summary: "recompute the A/B/C tiers now and print the changes", Run: runSegment},
	}
}

// reportWidth is the width of `rapport report` text (SPEC §4: fit 80×24).
const reportWidth = 80

const reportAbout = `Prints the Reports screen as text (or --json): the funnel with stage-to-stage
conversion, win rate and sales cycle, the open pipeline and expected closes,
retention and churn by month, repurchase rate, interactions per week, risk
across the book and how customers split across the tiers.

The period is 30d, 90d or 365d (ending today), a month like 2026-03 or a
month range like 2026-01..2026-06; the default is 90d. A customer counts as
active when it had a contact (an interaction that is not internal and not a
note, or an order) within 3 × the book's rhythm g.`

func runReport(e *Env, args []string) int {
	c := newCommand(e, "report [--json] [--period 30d|90d|365d|YYYY-MM..YYYY-MM]", reportAbout)
	asJSON := c.boolean("json", "print the report as JSON")
	period := c.str("period", db.DefaultPeriod, "`PERIOD`: 30d, 90d, 365d, YYYY-MM or YYYY-MM..YYYY-MM")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	p, err := db.ParsePeriod(strings.TrimSpace(*period), model.DayOf(e.Now()))
	if err != nil {
		return c.usageErr("%s", err)
	}
	b, err := openRisk(e)
	if err != nil {
		return fail(e, "report", err)
	}
	defer b.Close()
	r, err := b.Report(e.Ctx, p)
	if err != nil {
		return fail(e, "report", err)
	}
	if *asJSON {
		if err := printJSON(e.Stdout, r); err != nil {
			return fail(e, "report", err)
		}
		return ExitOK
	}
	fmt.Fprint(e.Stdout, RenderReport(r, reportWidth))
	return ExitOK
}

const segmentAbout = `Recomputes every customer's tier from the last 365 days of revenue (orders in
the book currency): the customers making the first 70% of revenue are A, the
next 20% B, the rest C; customers without revenue are C; pinned tiers are kept.
Prints each change and a total. One undoable command (rapport undo).`

func runSegment(e *Env, args []string) int {
	c := newCommand(e, "segment [--dry-run]", segmentAbout)
	dry := c.boolean("dry-run", "print the changes without writing them")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, "segment", err)
	}
	defer b.Close()
	changes, err := b.Segment(e.Ctx, *dry)
	if err != nil {
		return fail(e, "segment", err)
	}
	for _, ch := range changes {
		fmt.Fprintf(e.Stdout, "%s: %s → %s\n", clean(ch.Name), ch.From, ch.To)
	}
	n := len(changes)
	switch {
	case n == 0:
		fmt.Fprintln(e.Stdout, "no tier changes")
	case *dry:
		fmt.Fprintf(e.Stdout, "%d %s would change tier (dry run: nothing was written)\n", n, plural(n, "customer", "customers"))
	default:
		fmt.Fprintf(e.Stdout, "%d %s changed tier (rapport undo takes it back)\n", n, plural(n, "customer", "customers"))
	}
	return ExitOK
}

// plural picks the word for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// RenderReport renders a report as text no wider than width cells (80 fits
// the SPEC's 80×24 terminal; narrower widths shrink the bars and truncate
// with …). Bars and sparklines come from ui/chart, so the text needs no
// colour to read. Text from the database is sanitised.
func RenderReport(r db.Report, width int) string {
	width = max(width, 20)
	w := &reportWriter{width: width}
	p := r.Period
	w.line("Report %s … %s (%d days) · today %s", p.From, p.To, p.Days(), r.Today)

	w.head("FUNNEL", "deals that reached each stage (a skipped stage counts as passed)")
	var bars []chart.Bar
	for _, s := range r.Funnel {
		text := fmt.Sprint(s.Reached)
		if s.ToNext.D > 0 {
			text += " → " + s.ToNext.Percent()
		}
		bars = append(bars, chart.Bar{Label: clean(s.Stage), Value: int64(s.Reached), Text: text})
	}
	w.bars(bars)

	dl := r.Deals
	w.head("DEALS CLOSED", fmt.Sprintf("won %d · lost %d · win rate %s", dl.Won, dl.Lost, dl.WinRate.Percent()))
	if dl.Cycle.Deals > 0 {
		w.field("Sales cycle", fmt.Sprintf("average %s d · median %s d (created → won, %d %s)",
			reportNum(dl.Cycle.AvgDays), reportNum(dl.Cycle.MedianDays), dl.Cycle.Deals, plural(dl.Cycle.Deals, "deal", "deals")))
	}
	if len(dl.AvgWon) > 0 {
		w.field("Average won", reportMoney(dl.AvgWon, false))
	}
	if len(dl.LostReasons) > 0 {
		var parts []string
		for _, c := range dl.LostReasons {
			parts = append(parts, fmt.Sprintf("%s %d", clean(c.Name), c.Count))
		}
		w.field("Lost reasons", strings.Join(parts, " · "))
	}

	pl := r.Pipeline
	summary := fmt.Sprintf("%d open %s", pl.Deals, plural(pl.Deals, "deal", "deals"))
	if pl.Deals > 0 {
		summary += " · " + reportMoney(pl.Value, false) + " · weighted " + reportMoney(pl.Weighted, false)
	}
	w.head("PIPELINE", summary)
	bars = bars[:0]
	for _, s := range pl.Stages {
		text := fmt.Sprint(s.Deals)
		if s.Deals > 0 {
			text += " · " + reportMoney(s.Value, true) + " · w " + reportMoney(s.Weighted, true)
		}
		bars = append(bars, chart.Bar{Label: clean(s.Stage), Value: reportBook(s.Weighted, r.Currency), Text: text})
	}
	w.bars(bars)
	var closes []string
	if pl.Overdue.Deals > 0 {
		closes = append(closes, fmt.Sprintf("overdue %d %s", pl.Overdue.Deals, reportMoney(pl.Overdue.Value, true)))
	}
	for _, c := range pl.Closes {
		closes = append(closes, fmt.Sprintf("%s %d %s", c.Month, c.Deals, reportMoney(c.Value, true)))
	}
	if pl.Undated > 0 {
		closes = append(closes, fmt.Sprintf("no date %d", pl.Undated))
	}
	if len(closes) > 0 {
		w.field("Expected close", strings.Join(closes, " · "))
	}

	ret := r.Retention
	w.head("RETENTION", fmt.Sprintf("active = a contact in the last %d d (3 × rhythm %d d)", ret.WindowDays, ret.RhythmDays))
	w.line("  %-8s %6s %6s %6s %6s %6s %10s %7s", "month", "start", "kept", "lost", "back", "end", "retention", "churn")
	for _, m := range ret.Months {
		month := m.Month
		if m.Partial {
			month += "*"
		}
		w.line("  %-8s %6d %6d %6d %6d %6d %10s %7s", month, m.Start, m.Retained, m.Lost, m.Returned, m.End, m.Retention.Percent(), m.Churn.Percent())
	}
	if n := len(ret.Months); n > 0 && ret.Months[n-1].Partial {
		w.line("  * through %s", ret.Months[n-1].Through)
	}
	w.field("Overall", fmt.Sprintf("retention %s · churn %s (summed over the months)", ret.Retention.Percent(), ret.Churn.Percent()))

	rp := r.Repurchase
	w.head("REPURCHASE", fmt.Sprintf("%d of %d %s ordered again in the period (%s)", rp.Repeat, rp.Buyers, plural(rp.Buyers, "buyer", "buyers"), rp.Rate.Percent()))

	act := r.Activity
	from := ""
	if len(act.Weeks) > 0 {
		from = act.Weeks[0]
	}
	w.head("INTERACTIONS PER WEEK", fmt.Sprintf("%d weeks from %s · %d in all", len(act.Weeks), from, act.Sum))
	labelW, countW := 10, 7
	sparkW := width - 2 - labelW - 1 - countW - 1
	w.line("  %s %s %s", chart.Cell("all", labelW), chart.Cell(chart.Sparkline(act.Total, sparkW), sparkW), chart.Right(fmt.Sprint(act.Sum), countW))
	for _, k := range act.ByKind {
		if k.Total > 0 {
			w.line("  %s %s %s", chart.Cell(string(k.Kind), labelW), chart.Cell(chart.Sparkline(k.Counts, sparkW), sparkW), chart.Right(fmt.Sprint(k.Total), countW))
		}
	}

	rk := r.Risk
	w.head("RISK", fmt.Sprintf("at risk %d · watch %d · of %d active customers", rk.AtRisk, rk.Watch, rk.Active))
	if len(rk.Reasons) > 0 {
		var parts []string
		for _, c := range rk.Reasons {
			parts = append(parts, fmt.Sprintf("%s %d", clean(c.Name), c.Count))
		}
		w.field("Reasons", strings.Join(parts, " · "))
	}

	seg := r.Segments
	w.head("SEGMENTS", "customers per tier now, revenue since "+seg.RevenueSince)
	bars = bars[:0]
	for _, t := range seg.Tiers {
		text := fmt.Sprintf("%d %s", t.Customers, plural(t.Customers, "customer", "customers"))
		if len(t.Revenue) > 0 {
			text += " · " + reportMoney(t.Revenue, true)
		}
		bars = append(bars, chart.Bar{Label: string(t.Tier), Value: reportBook(t.Revenue, r.Currency), Text: text})
	}
	w.bars(bars)
	if seg.ChangedThisMonth != nil {
		w.field("Changed tier", fmt.Sprintf("%d this month", *seg.ChangedThisMonth))
	} else {
		w.field("Changed tier", "this month: not recorded (tier changes are not kept yet)")
	}
	return w.b.String()
}

// reportWriter collects report lines, each fitted to the width.
type reportWriter struct {
	b     strings.Builder
	width int
}

func (w *reportWriter) line(format string, args ...any) {
	w.b.WriteString(chart.Fit(strings.TrimRight(fmt.Sprintf(format, args...), " "), w.width))
	w.b.WriteByte('\n')
}

// head starts a section: a blank line, then the title and its summary.
func (w *reportWriter) head(title, summary string) {
	w.b.WriteByte('\n')
	w.line("%s  %s", title, summary)
}

// field is an indented "Label  value" line.
func (w *reportWriter) field(label, value string) {
	w.line("  %s %s", chart.Cell(label, 15), value)
}

func (w *reportWriter) bars(bars []chart.Bar) {
	for _, l := range chart.Bars(bars, w.width-2) {
		w.line("  %s", l)
	}
}

// reportMoney joins amounts of several currencies ("$1,200.00 + €300.00");
// short uses the compact form ("$1.2k + €300").
func reportMoney(as []db.Amount, short bool) string {
	parts := make([]string, 0, len(as))
	for _, a := range as {
		if short {
			parts = append(parts, a.Money().FormatShort())
		} else {
			parts = append(parts, a.Money().Format())
		}
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, " + ")
}

// reportBook returns the book-currency amount of a list (bars are drawn in
// the book currency only: currencies are never added together).
func reportBook(as []db.Amount, currency string) int64 {
	for _, a := range as {
		if a.Currency == currency {
			return a.Minor
		}
	}
	return 0
}

// reportNum renders a day count with at most one decimal ("25", "25.5").
func reportNum(x float64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", x), ".0")
}
