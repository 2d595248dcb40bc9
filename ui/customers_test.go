package ui

import (
	"context"
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/components/filterbar"
)

func customersOf(a *App) *Customers { return a.tabs[ScreenCustomers].(*Customers) }

func TestFilterKeysAreTextNotCommands(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	press(t, a, "2", "/")
	if a.Mode() != ModeFilter {
		t.Fatalf("mode %v after /, want filter", a.Mode())
	}
	if quit := press(t, a, "q?1 3u"); quit {
		t.Fatal("q in the filter quit the app")
	}
	if a.showHelp {
		t.Fatal("? in the filter opened the help")
	}
	if a.Active() != ScreenCustomers {
		t.Fatalf("a digit in the filter switched to %q", a.Active())
	}
	c := customersOf(a)
	if c.Query() != "q?1 3u" {
		t.Fatalf("filter ran for %q, want the typed text", c.Query())
	}
	mustContain(t, plain(a), "q?1 3u")
	// esc clears the filter and gives the keys back.
	press(t, a, "esc")
	if c.Query() != "" || a.Mode() != ModeNormal {
		t.Fatalf("esc left query %q mode %v", c.Query(), a.Mode())
	}
	if c.Total() != 47 {
		t.Fatalf("total %d after clearing, want 47", c.Total())
	}
}

func TestFilterSyntaxRunsInSQL(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	c := customersOf(a)
	cases := []struct {
		query string
		total int
		first int64
	}{
		{"müller", 1, f.Muller},
		{"王芳", 1, f.Wang},   // 2 characters: instr, not FTS
		{"#vip", 1, f.Wang}, // a tag
		{"risk:at", 2, f.Muller},
		{"tier:A 北京", 1, f.Wang},
		{"stage:lead", 1, f.Lee},
		{"beijing", 1, f.Wang}, // interaction text only
		{"filler tier:A", 0, 0},
	}
	press(t, a, "2")
	for _, tc := range cases {
		press(t, a, "/")
		for range 40 {
			press(t, a, "backspace")
		}
		press(t, a, tc.query, "enter")
		if c.Total() != tc.total {
			t.Fatalf("%q: %d customers, want %d", tc.query, c.Total(), tc.total)
		}
		if tc.total > 0 {
			if r, ok := c.row(0); !ok || r.ID != tc.first {
				t.Fatalf("%q: first row %+v", tc.query, r)
			}
		}
	}
	mustContain(t, plain(a), "No customer matches")
}

func TestFilterThenOpenShowsRiskReasons(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	press(t, a, "2", "/", "Jürgen", "enter", "enter")
	det, ok := a.Focused().(*Detail)
	if !ok || det.CustomerID() != f.Muller {
		t.Fatalf("focused %T", a.Focused())
	}
	out := plain(a)
	mustContain(t, out, "Risk 90 · at risk")
	mustContain(t, out, "+50  No contact for 92 d (usual rhythm 30 d)")
	mustContain(t, out, "+30  Last 3 outreaches unanswered")
}

func TestLateFilterAnswerIsDropped(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	c := customersOf(a)
	press(t, a, "2")
	// Ask twice; answer the first question last.
	c.filter.SetQuery("müller")
	first := c.fetch(0, true, true)
	c.filter.SetQuery("filler")
	second := c.fetch(0, true, true)
	c.Update(second())
	c.Update(first())
	if c.Total() != 40 {
		t.Fatalf("a late answer replaced the newer one: total %d", c.Total())
	}
	// A stale debounce tick does nothing either.
	press(t, a, "/", "x")
	_, cmd := c.Update(filterbar.TickMsg{ID: "customers", Seq: 0})
	if cmd != nil {
		t.Fatal("an old debounce tick started a query")
	}
}

func TestSortCycles(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	c := customersOf(a)
	press(t, a, "2")
	if r, _ := c.row(0); r.ID != f.Muller {
		t.Fatalf("risk sort starts with %s", r.Name)
	}
	press(t, a, "s")
	mustContain(t, plain(a), "sort: name")
	if r, _ := c.row(0); r.ID != f.Acme {
		t.Fatalf("name sort starts with %s", r.Name)
	}
	for range len(db.Sorts()) - 1 {
		press(t, a, "s")
	}
	mustContain(t, plain(a), "sort: risk")
}

// bigBook adds n plain customers in one command.
func bigBook(t testing.TB, n int) *db.DB {
	d, _ := openBook(t)
	err := d.Write(context.Background(), "bulk", func(tx *db.Tx) error {
		for i := 0; i < n; i++ {
			if _, err := tx.CreateCustomer(&model.Customer{Name: fmt.Sprintf("Customer %05d", i), Company: fmt.Sprintf("Company %d", i%97)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCustomersPagesFromSQLAndKeepsTheCursor(t *testing.T) {
	d := bigBook(t, 1000)
	a := newTestApp(t, d, 80, 24)
	c := customersOf(a)
	if c.Total() != 1000 {
		t.Fatalf("total %d", c.Total())
	}
	if len(c.rows) > customersPage {
		t.Fatalf("loaded %d rows at once", len(c.rows))
	}
	press(t, a, "s") // by name: Customer 00000 … 00999
	press(t, a, "G")
	cur, _ := c.Cursor()
	if cur != 999 {
		t.Fatalf("G put the cursor on %d", cur)
	}
	mustContain(t, plain(a), "Customer 00999")
	mustContain(t, plain(a), "1000/1,000")
	press(t, a, "g", "pgdown", "pgdown", "j", "j")
	cur, top := c.Cursor()
	mustContain(t, plain(a), fmt.Sprintf("Customer %05d", cur))
	press(t, a, "enter")
	if det, ok := a.Focused().(*Detail); !ok || det.d.Customer.Name != fmt.Sprintf("Customer %05d", cur) {
		t.Fatalf("enter opened %T", a.Focused())
	}
	press(t, a, "esc")
	if c2, t2 := c.Cursor(); c2 != cur || t2 != top {
		t.Fatalf("cursor %d/%d after coming back, was %d/%d", c2, t2, cur, top)
	}
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
	if r, _ := c.row(0); r.ID != f.Wang {
		t.Fatal("wrong customer")
	}
}

func TestEnterBeforeTheFilterAnswersOpensTheNewFirstRow(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	press(t, a, "2")
	c := customersOf(a)
	// Apply a filter but hold its answer back, as a slow query would.
	c.filter.SetQuery("olivia")
	fetch := c.applyFilter()
	_, cmd := a.Update(keyMsgs("enter")[0])
	if cmd != nil {
		t.Fatal("enter opened a customer of the old list")
	}
	drain(t, a, fetch)
	det, ok := a.Focused().(*Detail)
	if !ok || det.CustomerID() != f.Olivia {
		t.Fatalf("focused %T after the answer", a.Focused())
	}
}
