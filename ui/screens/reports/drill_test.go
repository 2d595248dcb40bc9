package reports

import (
	"context"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/reportview"
)

// TestReportsDrillDown: n selects the drillable lines in turn (a funnel
// stage, the lost reasons, the risk reasons), enter lists the deals or
// customers behind the number, esc goes back to the report, and enter on
// a row opens that customer's 360.
func TestReportsDrillDown(t *testing.T) {
	d, f := reportsBook(t)
	a, s := reportsApp(t, d, 100, 40)

	// enter before a line is chosen says how to choose one.
	a.Press("enter")
	screentest.MustContain(t, a.Status(), "n selects a line")
	if s.drill != nil {
		t.Fatal("enter with no line selected opened a list")
	}

	// The second funnel stage: Qualified, 3 deals.
	a.Press("n", "n")
	out := a.Plain()
	screentest.MustContain(t, out, "› Qualified")
	a.Press("enter")
	out = a.Plain()
	screentest.MustContain(t, out, "Deals that reached Qualified, 2026-08-26 … 2026-11-23 · 3")
	for _, want := range []string{"王芳 · Volume 2027 · reached Won", "Acme Ltd · Renewal · reached Proposal", "이민준 · Fleet · reached Qualified"} {
		screentest.MustContain(t, out, want)
	}
	screentest.MustNotContain(t, out, "Starter") // only reached Lead
	if got := screentest.Fits(out, 100, 40-screentest.AppChrome); got != "" {
		t.Fatal(got)
	}
	// The cursor moves; enter opens the customer of the row under it.
	a.Press("j", "enter")
	if len(a.Opened) != 1 || a.Opened[0] != f.Acme {
		t.Fatalf("enter on the second row opened %v, want Acme %d", a.Opened, f.Acme)
	}

	// esc is back on the report, the stage still selected.
	a.Press("esc")
	out = a.Plain()
	screentest.MustContain(t, out, "FUNNEL")
	screentest.MustContain(t, out, "› Qualified")

	// On to the lost reasons: the Pilot, lost for Price.
	for s.selectedDrill().Kind != reportview.DrillLost {
		a.Press("n")
		if s.sel < 0 {
			t.Fatal("no lost reasons line to select")
		}
	}
	screentest.MustContain(t, a.Plain(), "› Lost reasons    Price 1")
	a.Press("enter")
	out = a.Plain()
	screentest.MustContain(t, out, "Deals lost 2026-08-26 … 2026-11-23 · 1")
	screentest.MustContain(t, out, "Jürgen Müller · Pilot · Price")
	a.Press("enter")
	if len(a.Opened) != 2 || a.Opened[1] != f.Muller {
		t.Fatalf("opened %v, want Müller %d last", a.Opened, f.Muller)
	}
	a.Press("esc")

	// The risk reasons: the customers at risk and to watch, with their
	// reasons in the words of the report.
	a.Press("n")
	if got := s.selectedDrill(); got.Kind != reportview.DrillRisk {
		t.Fatalf("n after the lost reasons selected %+v, want the risk reasons", got)
	}
	a.Press("enter")
	out = a.Plain()
	screentest.MustContain(t, out, "Customers at risk and to watch · 3")
	screentest.MustContain(t, out, "› Jürgen Müller · at risk: no recent order")
	a.Press("enter")
	if len(a.Opened) != 3 || a.Opened[2] != f.Muller {
		t.Fatalf("opened %v, want Müller %d last", a.Opened, f.Muller)
	}
	a.Press("esc", "N")

	// N goes back round: from the lost reasons to the last funnel stage.
	a.Press("N")
	if got := s.selectedDrill(); got.Kind != reportview.DrillFunnel || got.Key != "Won" {
		t.Fatalf("N from the lost reasons selected %+v, want the Won stage", got)
	}
	// The selection survives a reload and a new width.
	a.Press("r")
	s.SetSize(90, 40)
	if got := s.selectedDrill(); got.Key != "Won" {
		t.Fatalf("after a reload and resize the selection is %+v", got)
	}
	lines := strings.Split(a.Plain(), "\n")
	found := false
	for _, l := range lines {
		found = found || strings.HasPrefix(l, "› Won")
	}
	if !found {
		t.Fatalf("the selected Won line is not marked:\n%s", a.Plain())
	}
}

// TestReportsDrillCountsMatch: each list holds as many rows as the number
// on its line, for every funnel stage, on the default and a long period.
func TestReportsDrillCountsMatch(t *testing.T) {
	d, _ := reportsBook(t)
	ctx := context.Background()
	for _, period := range []string{"90d", "365d", "2026-10"} {
		p, err := db.ParsePeriod(period, model.DayOf(fixtureNow))
		if err != nil {
			t.Fatal(err)
		}
		r, err := d.Report(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range r.Funnel {
			rows, err := d.FunnelDeals(ctx, p, st.Stage)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != st.Reached {
				t.Errorf("%s %s: %d deals listed, the funnel says %d", period, st.Stage, len(rows), st.Reached)
			}
		}
		lost, err := d.LostDeals(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if len(lost) != r.Deals.Lost {
			t.Errorf("%s: %d lost deals listed, the report says %d", period, len(lost), r.Deals.Lost)
		}
		risk, err := d.RiskCustomers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(risk) != r.Risk.AtRisk+r.Risk.Watch {
			t.Errorf("%d customers listed, the report says %d at risk and %d to watch", len(risk), r.Risk.AtRisk, r.Risk.Watch)
		}
	}
}
