package cli

import (
	"fmt"

	"github.com/rapportcrm/rapport/db"
)

const riskRefitAbout = `Refits the risk model on this book now and re-scores every customer with it.

The lapse part of risk (SPEC §3) is a small logistic model on recency,
frequency and order value whose four weights are fitted on the book's own
past: every customer's orders as of 90 days ago (risk.horizon), labelled by
whether that customer ordered in the 90 days since. Refresh refits it by
itself on the first day of each month; this verb does it on demand.

Prints the weights, how many customers they were fitted on, and the
self-check: the customers as of 90 days ago scored with weights fitted 90
days before that, against what they did since (AUC of the ranking and of
plain days since the last order, precision and recall of at_risk). --json
prints the self-check as report --json's risk_check.`

func runRiskRefit(e *Env, args []string) int {
	c := newCommand(e, "risk refit [--json]", riskRefitAbout)
	asJSON := c.boolean("json", "print the fit and its self-check as JSON")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, "risk refit", err)
	}
	defer b.Close()
	m, err := b.RefitRisk(e.Ctx)
	if err != nil {
		return fail(e, "risk refit", err)
	}
	if *asJSON {
		if err := printJSON(e.Stdout, m.Check); err != nil {
			return fail(e, "risk refit", err)
		}
		return ExitOK
	}
	printRiskFit(e, m)
	return ExitOK
}

// printRiskFit prints a fit and its self-check as text.
func printRiskFit(e *Env, m db.LapseModel) {
	f, ck := m.Fit, m.Check
	w, p := e.Stdout, e.P()
	fmt.Fprintln(w, p.T("risk model fitted on %[2]s from %[1]d customers (their orders as of %[3]s, and who ordered in the %[4]d d since)",
		f.N, f.On, ck.ScoredAsOf, m.Horizon))
	if f.N < 20 {
		fmt.Fprintln(w, p.T("fewer than 20 customers to learn from: the standard weights are used"))
	}
	fmt.Fprintln(w, p.T("weights: intercept %.3f · recency %.3f · frequency %.3f · value %.3f", f.B[0], f.B[1], f.B[2], f.B[3]))
	fmt.Fprintln(w, clean(ck.WordsIn(p)))
	if !ck.Shown {
		fmt.Fprintln(w, p.T("self-check: needs 50 customers with an order by %s; this book has %d", ck.ScoredAsOf, ck.Customers))
		return
	}
	fmt.Fprintln(w, p.T("self-check: %d customers as of %s, scored with weights fitted as of %s; %d did not order in the %d d after",
		ck.Customers, ck.ScoredAsOf, ck.FittedAsOf, ck.Lapsed, ck.HorizonDays))
	fmt.Fprintln(w, "  "+p.T("AUC %.3f (days since last order alone: %.3f)", ck.AUC, ck.RecencyAUC))
	fmt.Fprintln(w, "  "+p.T("at risk %d · precision %s · recall %s", ck.AtRisk, ck.Precision.Percent(), ck.Recall.Percent()))
}
