package cli

import (
	"fmt"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/db/demo"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// demoVerbs returns the verbs defined in this file.
func demoVerbs() map[string]Verb {
	return map[string]Verb{
		"demo": {Usage: "demo [--customers N] [--seed S] [--generate-only] [--keep]", Summary: "open a sample book (built fresh each day)", Run: runDemo},
	}
}

func runDemo(e *Env, args []string) int {
	c := newCommand(e, "demo [--customers N] [--seed S] [--generate-only] [--keep]", `Open a sample book: a believable sales book of Chinese and English customers
simulated over 18 months up to today, with overdue follow-ups, customers
slipping away for a reason, and deals moving (or stuck) in the pipeline.

The book is demo.db beside the default database, or the --db path. It is
rebuilt when missing, when it was built on an earlier day, or when --customers
or --seed ask for another one; --keep opens it as it is. A file that holds a
real book (not marked as a demo and not empty) is never touched.
The same seed on the same day (RAPPORT_TODAY) gives the same book.`)
	customers := c.num("customers", demo.DefaultCustomers, "how many customers to simulate")
	seed := c.num("seed", demo.DefaultSeed, "random seed")
	generateOnly := c.boolean("generate-only", "build the book and exit without opening it")
	keep := c.boolean("keep", "open the existing demo book as it is")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	if *customers < 1 || *customers > 10_000_000 {
		return c.usageErr("--customers must be between 1 and 10000000")
	}
	path := e.DemoPath
	if e.DBFromFlag || path == "" {
		path = e.DBPath
	}
	if path == "" {
		return fail(e, "demo", i18n.Errorf("no path for the demo book: give one with --db PATH"))
	}
	today := model.DayOf(e.Now())
	f, err := demo.Inspect(path)
	if err != nil {
		return fail(e, "demo", err)
	}
	if f.Foreign || (!f.Missing && !f.Empty && f.BuiltOn == "") {
		fmt.Fprintln(e.Stderr, e.P().T("rapport demo: %s holds a real book (it is not a demo), so the demo will not overwrite it.", path))
		fmt.Fprintln(e.Stderr, e.P().T("Run `rapport demo` without --db to use demo.db beside your book, or give --db a new file."))
		return ExitFailed
	}
	rebuild := f.Missing || f.Empty || f.BuiltOn != today.String()
	if (c.given("customers") && f.Customers != *customers) || (c.given("seed") && f.Seed != int64(*seed)) {
		rebuild = true
	}
	if *keep && !f.Missing && !f.Empty {
		rebuild = false
	}
	if rebuild {
		if code := buildDemo(e, path, *customers, int64(*seed)); code != ExitOK {
			return code
		}
	} else {
		fmt.Fprintln(e.Stderr, e.P().T("rapport demo: using the demo book at %s (built %s)", path, f.BuiltOn))
	}
	if *generateOnly {
		fmt.Fprintln(e.Stdout, path)
		return ExitOK
	}
	if e.OpenApp != nil {
		return e.OpenApp(path)
	}
	te := *e
	te.DBPath, te.DBFromFlag, te.p, te.opened = path, true, nil, false
	return runToday(&te, nil)
}

// buildDemo deletes the demo file (with its -wal and -shm) and generates a
// new book there, reporting progress and timing on stderr.
func buildDemo(e *Env, path string, customers int, seed int64) int {
	if err := demo.RemoveBook(path); err != nil {
		return fail(e, "demo", i18n.Errorf("cannot replace the old demo book: %w", err))
	}
	p := e.P()
	fmt.Fprintln(e.Stderr, p.T("rapport demo: building a sample book of %d customers (seed %d) at %s", customers, seed, path))
	start := time.Now()
	b, err := db.Open(e.Ctx, path, db.Options{Now: e.Now, Locale: e.Locale, Zone: e.Zone})
	if err != nil {
		return fail(e, "demo", err)
	}
	step := max(customers/5, 1)
	next := step
	st, err := demo.Generate(e.Ctx, b, demo.Options{Customers: customers, Seed: seed, Progress: func(phase string, done, total int) {
		switch {
		case phase == "customers" && total >= 20000 && done >= next:
			fmt.Fprintln(e.Stderr, "  "+p.T("%d of %d customers…", done, total))
			next += step
		case phase == "index" && total >= 20000:
			fmt.Fprintln(e.Stderr, "  "+p.T("building the search index and risk…"))
		}
	}})
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		demo.RemoveBook(path)
		return fail(e, "demo", err)
	}
	fmt.Fprintln(e.Stderr, "  "+p.T("%d customers, %d interactions, %d follow-ups, %d orders, %d deals in %.1f s",
		st.Customers, st.Interactions, st.Followups, st.Orders, st.Deals, time.Since(start).Seconds()))
	return ExitOK
}
