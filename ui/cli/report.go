package cli

import (
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/reportview"
)

// reportVerbs returns the verbs defined in this file.
func reportVerbs() map[string]Verb {
	return map[string]Verb{
		"report":  {Usage: "report [--json] [--period 30d|90d|365d|YYYY-MM..YYYY-MM]", Summary: "funnel, win rate, pipeline, retention and churn, activity, risk", Run: runReport},
		"segment": {Usage: "segment [--dry-run]", Summary: "recompute the A/B/C tiers now and print the changes", Run: runSegment},
		"risk":    {Usage: "risk refit [--json]", Summary: "refit the risk model on this book now, with its self-check", Run: sub("risk", map[string]func(*Env, []string) int{"refit": runRiskRefit})},
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
	fmt.Fprint(e.Stdout, reportview.RenderWith(r, reportWidth, reportview.Options{NoCharts: e.DumbTerminal, P: e.P()}))
	return ExitOK
}

const segmentAbout = `Recomputes every customer's tier from the last 365 days of revenue: the
customers making the first 70%% of revenue are A, the next 20%% B, the rest C;
customers without revenue are C; pinned tiers are kept. Orders in another
currency are converted at the rate set with rapport config rate CNY 0.14; the
customers of a currency without a rate are ranked among themselves (the report
says which). Prints each change and a total. One undoable command (rapport undo).`

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
	p := e.P()
	for _, ch := range changes {
		fmt.Fprintf(e.Stdout, "%s: %s → %s\n", clean(ch.Name), ch.From, ch.To)
	}
	n := len(changes)
	switch {
	case n == 0:
		fmt.Fprintln(e.Stdout, p.T("no tier changes"))
	case *dry:
		fmt.Fprintln(e.Stdout, p.T("%d customers would change tier (dry run: nothing was written)", n))
	default:
		fmt.Fprintln(e.Stdout, p.T("%d customers changed tier (rapport undo takes it back)", n))
	}
	return ExitOK
}

// RenderReport renders a report as text no wider than width cells (80 fits
// the SPEC's 80×24 terminal). It is ui/reportview's renderer, the one the
// Reports screen uses too, so both show the same figures.
func RenderReport(r db.Report, width int) string { return reportview.Render(r, width) }

// plural picks the English word for n (the catalog says the others).
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
