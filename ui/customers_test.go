package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/screens/customers"
	"github.com/rapportcrm/rapport/ui/screens/detail"
)

func customersOf(a *App) *customers.Model { return a.tabs[common.ScreenCustomers].(*customers.Model) }

func TestFilterKeysAreTextNotCommands(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	press(t, a, "2", "/")
	if a.Mode() != common.ModeFilter {
		t.Fatalf("mode %v after /, want filter", a.Mode())
	}
	if quit := press(t, a, "q?1 3u"); quit {
		t.Fatal("q in the filter quit the app")
	}
	if a.showHelp {
		t.Fatal("? in the filter opened the help")
	}
	if a.Active() != common.ScreenCustomers {
		t.Fatalf("a digit in the filter switched to %q", a.Active())
	}
	c := customersOf(a)
	if c.Query() != "q?1 3u" {
		t.Fatalf("filter ran for %q, want the typed text", c.Query())
	}
	mustContain(t, plain(a), "q?1 3u")
	// esc clears the filter and gives the keys back.
	press(t, a, "esc")
	if c.Query() != "" || a.Mode() != common.ModeNormal {
		t.Fatalf("esc left query %q mode %v", c.Query(), a.Mode())
	}
	if c.Total() != 47 {
		t.Fatalf("total %d after clearing, want 47", c.Total())
	}
}

func TestFilterThenOpenShowsRiskReasons(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	press(t, a, "2", "/", "Jürgen", "enter", "enter")
	det, ok := a.Focused().(*detail.Model)
	if !ok || det.CustomerID() != f.Muller {
		t.Fatalf("focused %T", a.Focused())
	}
	out := plain(a)
	mustContain(t, out, "Risk 90 · at risk")
	mustContain(t, out, "+50  No contact for 92 d (usual rhythm 30 d)")
	mustContain(t, out, "+30  Last 3 outreaches unanswered")
}

func TestKeysReadTogetherAreTakenOneByOne(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	press(t, a, "2")
	_, cmd := a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/王芳")})
	drain(t, a, cmd)
	press(t, a, "enter")
	c := customersOf(a)
	if c.Query() != "王芳" || c.Total() != 1 {
		t.Fatalf("query %q total %d", c.Query(), c.Total())
	}
	if sel, _ := c.Selection(); sel.CustomerID != f.Wang {
		t.Fatal("wrong customer")
	}
}
