package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/chart"
)

// reportNow is the clock of the report tests.
func reportNow() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local) }

// runReportCLI runs one command line against the book at path.
func runReportCLI(t *testing.T, path string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Ctx: context.Background(), Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, DBPath: path, Now: reportNow}
	code := Run(e, args)
	return code, out.String(), errb.String()
}

// reportCLIBook builds a small book: 王芳 with most of the revenue, Bob
// with a little, Cara with none but pinned to A, and a deal won.
func reportCLIBook(t *testing.T) (string, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "book.db")
	clock := reportNow().AddDate(0, -2, 0)
	d, err := db.Open(ctx, path, db.Options{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.SetConfig(ctx, "currency", "USD"); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, c := range []model.Customer{{Name: "王芳"}, {Name: "Bob"}, {Name: "Cara", Tier: model.TierA, TierPinned: true}} {
		id, err := d.CreateCustomer(ctx, &c, nil)
		if err != nil {
			t.Fatal(err)
		}
		ids[c.Name] = id
	}
	err = d.Write(ctx, "book", func(tx *db.Tx) error {
		for i, o := range []model.Order{
			{CustomerID: ids["王芳"], AmountMinor: 9_000_00, Currency: "USD", OrderedAt: clock.AddDate(0, 0, -20).Unix()},
			{CustomerID: ids["王芳"], AmountMinor: 1_000_00, Currency: "USD", OrderedAt: clock.AddDate(0, 0, 10).Unix()},
			{CustomerID: ids["Bob"], AmountMinor: 50_00, Currency: "USD", OrderedAt: clock.AddDate(0, 0, 15).Unix()},
		} {
			if _, err := tx.CreateOrder(&o); err != nil {
				return err
			}
			if _, err := tx.LogInteraction(&model.Interaction{CustomerID: o.CustomerID, Kind: model.KindCall, Summary: "call", OccurredAt: o.OrderedAt + int64(i)}); err != nil {
				return err
			}
		}
		_, err := tx.CreateDeal(&model.Deal{CustomerID: ids["Bob"], Title: "Renewal", ValueMinor: 500_00, Currency: "USD"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return path, ids
}

func TestSegmentVerb(t *testing.T) {
	path, ids := reportCLIBook(t)
	tierOf := func(id int64) model.Tier {
		d, err := db.Open(context.Background(), path, db.Options{Now: reportNow, MustExist: true})
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		c, err := d.Customer(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		return c.Tier
	}

	code, out, errs := runReportCLI(t, path, "segment", "--dry-run")
	if code != ExitOK || !strings.Contains(out, "王芳: C → A\n") || !strings.Contains(out, "would change tier (dry run: nothing was written)") {
		t.Fatalf("segment --dry-run: exit %d\n%s%s", code, out, errs)
	}
	if strings.Contains(out, "Cara") {
		t.Errorf("a pinned tier was changed:\n%s", out)
	}
	if tierOf(ids["王芳"]) != model.TierC {
		t.Fatal("--dry-run wrote the tier")
	}
	lines := strings.Count(out, "→")

	code, out2, _ := runReportCLI(t, path, "segment")
	if code != ExitOK || !strings.Contains(out2, "王芳: C → A\n") || strings.Count(out2, "→") != lines {
		t.Fatalf("segment: exit %d\n%s", code, out2)
	}
	if want := plural(lines, "customer", "customers") + " changed tier"; !strings.Contains(out2, want) {
		t.Errorf("segment total missing %q:\n%s", want, out2)
	}
	if tierOf(ids["王芳"]) != model.TierA || tierOf(ids["Cara"]) != model.TierA {
		t.Error("segment did not write the tiers")
	}
	if _, out3, _ := runReportCLI(t, path, "segment"); out3 != "no tier changes\n" {
		t.Errorf("second segment printed %q", out3)
	}
	if code, _, _ := runReportCLI(t, path, "undo"); code == ExitOK && tierOf(ids["王芳"]) != model.TierC {
		t.Error("undo did not take the segmentation back")
	}
}

func TestReportVerb(t *testing.T) {
	path, _ := reportCLIBook(t)
	code, out, errs := runReportCLI(t, path, "report")
	if code != ExitOK || errs != "" {
		t.Fatalf("report: exit %d\n%s", code, errs)
	}
	for _, want := range []string{"FUNNEL", "Lead", "DEALS CLOSED", "PIPELINE", "RETENTION", "2026-11*", "REPURCHASE  1 of 2 buyers ordered again in the period (50%)",
		"INTERACTIONS PER WEEK", "RISK", "SEGMENTS", "Changed tier"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	for i, l := range strings.Split(out, "\n") {
		if chart.Width(l) > reportWidth {
			t.Errorf("line %d is %d cells wide: %q", i+1, chart.Width(l), l)
		}
	}
	if strings.ContainsRune(out, '\x1b') {
		t.Error("report text carries escape sequences (NO_COLOR must read the same)")
	}

	code, out, _ = runReportCLI(t, path, "report", "--json", "--period", "30d")
	var r map[string]any
	if code != ExitOK || json.Unmarshal([]byte(out), &r) != nil {
		t.Fatalf("report --json: exit %d\n%s", code, out)
	}
	for _, k := range []string{"funnel", "deals", "pipeline", "retention", "repurchase", "interactions_per_week", "risk", "segments", "period"} {
		if _, ok := r[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	if p := r["period"].(map[string]any); p["from"] != "2026-10-25" || p["to"] != "2026-11-23" {
		t.Errorf("period = %v", p)
	}
}

func TestReportVerbErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	for _, verb := range [][]string{{"report"}, {"segment"}, {"segment", "--dry-run"}, {"report", "--json"}} {
		code, _, errs := runReportCLI(t, missing, verb...)
		if code != ExitFailed || !strings.HasPrefix(errs, "rapport "+verb[0]+": ") || !strings.Contains(errs, "rapport demo") {
			t.Errorf("%v on a missing file: exit %d, %q", verb, code, errs)
		}
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Error("a read verb created the database")
	}
	for _, args := range [][]string{{"report", "--period", "7x"}, {"report", "--period", "2026-03..2026-01"}, {"report", "extra"}, {"segment", "--bogus"}} {
		code, _, errs := runReportCLI(t, missing, args...)
		if code != ExitUsage || !strings.HasPrefix(errs, "rapport "+args[0]+": ") {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
	for _, verb := range []string{"report", "segment"} {
		code, out, _ := runReportCLI(t, missing, verb, "--help")
		if code != ExitOK || !strings.HasPrefix(out, "usage: rapport "+verb) {
			t.Errorf("%s --help: exit %d, %q", verb, code, out)
		}
	}
}

// TestRenderReportWidths renders a report with long, wide and hostile
// names at several widths: no line is ever wider than asked.
func TestRenderReportWidths(t *testing.T) {
	r := db.Report{Today: "2026-11-23", Period: db.Period{From: model.DayFromYMD(2026, 8, 26), To: model.DayFromYMD(2026, 11, 23)}, Currency: "USD"}
	r.Funnel = []db.FunnelStep{{Stage: "王芳的很长很长的阶段名称 Negotiation", Reached: 12, ToNext: db.Ratio{N: 3, D: 12}}, {Stage: "Won", Reached: 3}}
	r.Deals = db.DealFigures{Won: 3, Lost: 1, WinRate: db.Ratio{N: 3, D: 4}, Cycle: db.Cycle{Deals: 3, AvgDays: 12.5, MedianDays: 10},
		AvgWon: []db.Amount{{Currency: "USD", Minor: 123456789}, {Currency: "EUR", Minor: 99}}, LostReasons: []db.Count{{Name: "price\x1b[31m evil", Count: 1}}}
	r.Pipeline = db.Pipeline{Deals: 2, Stages: []db.PipelineStage{{Stage: "Lead", Deals: 2, Value: []db.Amount{{Currency: "USD", Minor: 1e12}}, Weighted: []db.Amount{{Currency: "USD", Minor: 1e11}}}}}
	r.Retention = db.Retention{RhythmDays: 31, WindowDays: 93, Months: []db.RetentionMonth{{Month: "2026-11", Partial: true, Through: "2026-11-23", Start: 100000, Retained: 99999}}}
	r.Activity = db.Activity{Weeks: make([]string, 26), Total: make([]int, 26), ByKind: []db.KindSeries{{Kind: model.KindCall, Counts: make([]int, 26), Total: 5}}}
	r.Activity.Total[25] = 5
	r.Segments = db.Segments{Tiers: []db.TierSplit{{Tier: model.TierA, Customers: 1, Revenue: []db.Amount{{Currency: "USD", Minor: 5}}}}}
	for _, w := range []int{20, 40, 60, 80, 120} {
		out := RenderReport(r, w)
		for _, l := range strings.Split(out, "\n") {
			if chart.Width(l) > w {
				t.Errorf("width %d: %q is %d cells", w, l, chart.Width(l))
			}
		}
		if strings.ContainsRune(out, '\x1b') {
			t.Errorf("width %d: an escape sequence from the database reached the output", w)
		}
	}
	if out := RenderReport(r, 80); !strings.Contains(out, "12 → 25%") || !strings.Contains(out, "average 12.5 d · median 10 d") || !strings.Contains(out, "$1,234,567.89 + €0.99") {
		t.Errorf("render:\n%s", out)
	}
}
