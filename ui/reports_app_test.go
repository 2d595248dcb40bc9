package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
	"github.com/rapportcrm/rapport/ui/screens/reports"
)

func reportsBook(t testing.TB) (*db.DB, testbook.ReportsFixture) { return testbook.Reports(t) }

// reportsApp builds the app at a size and shows the Reports screen, loaded.
func reportsApp(t testing.TB, d *db.DB, w, h int) (*App, *reports.Model) {
	t.Helper()
	a := newTestApp(t, d, w, h)
	press(t, a, "4")
	s, ok := a.Focused().(*reports.Model)
	if !ok {
		t.Fatalf("4 shows %T, not the reports", a.Focused())
	}
	return a, s
}

func TestReportsKeysAndHelp(t *testing.T) {
	d, _ := reportsBook(t)
	a, s := reportsApp(t, d, 80, 24)
	if s.InputFocused() || a.Mode() != common.ModeNormal {
		t.Fatal("the Reports screen never owns the keyboard")
	}
	var keys []string
	for _, group := range s.FullHelp() {
		for _, b := range group {
			keys = append(keys, b.Help().Key)
		}
	}
	for _, want := range []string{"↓/j", "↑/k", "g", "G", "ctrl+d", "ctrl+u", "pgdn", "pgup", "p", "r"} {
		if !strings.Contains(" "+strings.Join(keys, " ")+" ", " "+want+" ") {
			t.Errorf("full help lacks %q: %v", want, keys)
		}
	}
	mustContain(t, plain(a), "4 Reports")
	mustContain(t, plain(a), "p period") // the footer
	press(t, a, "?")
	mustContain(t, plain(a), "period 30d/90d/365d")
	press(t, a, "esc")
	// Global keys still work from here: tab moves on, 4 comes back.
	press(t, a, "3")
	if a.Active() != common.ScreenPipeline {
		t.Fatalf("3 from Reports shows %s", a.Active())
	}
	press(t, a, "tab")
	if a.Active() != common.ScreenReports {
		t.Fatalf("tab cycling lands on %s", a.Active())
	}
	if quit := press(t, a, "q"); !quit {
		t.Fatal("q does not quit from the Reports screen")
	}
}

func TestReportsLayoutFitsEverySize(t *testing.T) {
	d, _ := reportsBook(t)
	sizes := gridSizes([2]int{19, 3}, [2]int{2, 2})
	states := map[string]func() (*App, *reports.Model){
		"report": func() (*App, *reports.Model) { return reportsApp(t, d, 120, 40) },
		"bottom": func() (*App, *reports.Model) {
			a, s := reportsApp(t, d, 80, 24)
			press(t, a, "G")
			return a, s
		},
		"help": func() (*App, *reports.Model) {
			a, s := reportsApp(t, d, 80, 24)
			press(t, a, "?")
			return a, s
		},
	}
	for name, mk := range states {
		a, s := mk()
		for _, sz := range sizes {
			w, h := sz[0], sz[1]
			for who, out := range map[string]string{"app": frameOf(a, w, h), "screen": func() string { s.SetSize(w, h); return s.View() }()} {
				if bad := screentest.Fits(out, w, h); bad != "" {
					t.Fatalf("%s %s at %dx%d: %s", name, who, w, h, bad)
				}
			}
		}
	}
}

// TestSetAGoalFromReports: t on Reports opens the goal form; the goal is
// saved for the period typed, shows in the report, and u undoes it
// (issue 25: goals are editable in the app).
func TestSetAGoalFromReports(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	press(t, a, "4")
	fm := openForm(t, a, "t")
	if fm.Value("period") != "2026-11" || fm.Value("measure") != "revenue" {
		t.Fatalf("goal form starts on %q %q", fm.Value("measure"), fm.Value("period"))
	}
	press(t, a, "tab", "tab", "12万", "ctrl+s")
	mustClose(t, a)
	mustContain(t, a.Status(), "Goal set: revenue 2026-11")
	gs, err := d.Goals(context.Background())
	if err != nil || len(gs) != 1 || gs[0].Target != 120_000_00 {
		t.Fatalf("goals %+v %v", gs, err)
	}
	press(t, a, "u")
	if gs, _ := d.Goals(context.Background()); len(gs) != 0 {
		t.Fatal("u did not undo the goal")
	}
	openForm(t, a, "t")
	press(t, a, "tab", "tab", "lots", "ctrl+s")
	mustContain(t, plain(a), "not a")
}
