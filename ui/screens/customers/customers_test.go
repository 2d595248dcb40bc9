package customers

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/filterbar"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

func fixtureBook(t testing.TB) (*db.DB, testbook.Fixture) { return testbook.Book(t) }

func TestFilterSyntaxRunsInSQL(t *testing.T) {
	d, f := fixtureBook(t)
	a, c := screentest.Open(t, d, 100, 30, New)
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
		{"tier:Z", 0, 0}, // not understood: nothing, not everyone
		{"risk:foo acme", 0, 0},
	}
	for _, tc := range cases {
		a.Press("/")
		for range 40 {
			a.Press("backspace")
		}
		a.Press(tc.query, "enter")
		if c.Total() != tc.total {
			t.Fatalf("%q: %d customers, want %d", tc.query, c.Total(), tc.total)
		}
		if tc.total > 0 {
			if r, ok := c.row(0); !ok || r.ID != tc.first {
				t.Fatalf("%q: first row %+v", tc.query, r)
			}
		}
	}
	screentest.MustContain(t, a.Plain(), "No customer matches")
}

func TestLateFilterAnswerIsDropped(t *testing.T) {
	d, _ := fixtureBook(t)
	a, c := screentest.Open(t, d, 100, 30, New)
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
	a.Press("/", "x")
	cmd := c.Update(filterbar.TickMsg{ID: "customers", Seq: 0})
	if cmd != nil {
		t.Fatal("an old debounce tick started a query")
	}
}

func TestSortCycles(t *testing.T) {
	d, f := fixtureBook(t)
	a, c := screentest.Open(t, d, 100, 30, New)
	if r, _ := c.row(0); r.ID != f.Muller {
		t.Fatalf("risk sort starts with %s", r.Name)
	}
	a.Press("s")
	screentest.MustContain(t, a.Plain(), "sort: name")
	if r, _ := c.row(0); r.ID != f.Acme {
		t.Fatalf("name sort starts with %s", r.Name)
	}
	for range len(db.Sorts()) - 1 {
		a.Press("s")
	}
	screentest.MustContain(t, a.Plain(), "sort: risk")
}

// bigBook adds n plain customers in one command.
func bigBook(t testing.TB, n int) *db.DB {
	d, _ := testbook.Open(t)
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
	a, c := screentest.Open(t, d, 80, 24, New)
	if c.Total() != 1000 {
		t.Fatalf("total %d", c.Total())
	}
	if len(c.rows) > customersPage {
		t.Fatalf("loaded %d rows at once", len(c.rows))
	}
	a.Press("s") // by name: Customer 00000 … 00999
	a.Press("G")
	cur, _ := c.Cursor()
	if cur != 999 {
		t.Fatalf("G put the cursor on %d", cur)
	}
	screentest.MustContain(t, a.Plain(), "Customer 00999")
	screentest.MustContain(t, a.Plain(), "1000/1,000")
	a.Press("g", "pgdown", "pgdown", "j", "j")
	cur, top := c.Cursor()
	screentest.MustContain(t, a.Plain(), fmt.Sprintf("Customer %05d", cur))
	sel, _ := c.Selection()
	a.Press("enter")
	if len(a.Opened) != 1 || a.Opened[0] != sel.CustomerID || sel.Customer != fmt.Sprintf("Customer %05d", cur) {
		t.Fatalf("enter opened %v, the cursor is on %q", a.Opened, sel.Customer)
	}
	// Coming back from the customer reloads the list, keeping the place.
	a.Send(common.ReloadMsg{})
	if c2, t2 := c.Cursor(); c2 != cur || t2 != top {
		t.Fatalf("cursor %d/%d after coming back, was %d/%d", c2, t2, cur, top)
	}
}

func TestEnterBeforeTheFilterAnswersOpensTheNewFirstRow(t *testing.T) {
	d, f := fixtureBook(t)
	a, c := screentest.Open(t, d, 100, 30, New)
	// Apply a filter but hold its answer back, as a slow query would.
	c.filter.SetQuery("olivia")
	fetch := c.applyFilter()
	if cmd := c.Update(screentest.KeyMsgs("enter")[0]); cmd != nil {
		t.Fatal("enter opened a customer of the old list")
	}
	a.Drain(fetch)
	if len(a.Opened) != 1 || a.Opened[0] != f.Olivia {
		t.Fatalf("opened %v after the answer, want Olivia (%d)", a.Opened, f.Olivia)
	}
}

func TestColumnsDropLeastImportantFirst(t *testing.T) {
	titles := func(w int) string {
		var s []string
		for _, c := range fitColumns(w) {
			s = append(s, c.title)
		}
		return strings.Join(s, ",")
	}
	if got := titles(120); got != "Name,Company,Tier,Status,Contacted,Next,Pipeline,Risk" {
		t.Fatalf("120 columns: %s", got)
	}
	if got := titles(40); got != "Name,Next,Risk" {
		t.Fatalf("40 columns: %s", got)
	}
	for w := 20; w <= 250; w++ {
		n := 2
		for _, c := range fitColumns(w) {
			n += c.width + 1
		}
		if n-1 > w {
			t.Fatalf("columns at %d need %d", w, n-1)
		}
	}
}

func TestCJKNamesAlignInTheTable(t *testing.T) {
	d, _ := fixtureBook(t)
	a, _ := screentest.Open(t, d, 120, 40, New)
	lines := strings.Split(a.Plain(), "\n")
	header := -1
	col := -1
	for i, l := range lines {
		if strings.Contains(l, "Tier Status") {
			header = i
			col = ansi.StringWidth(l[:strings.Index(l, "Tier")])
		}
	}
	if header < 0 {
		t.Fatal("no table header")
	}
	checked := 0
	for _, l := range lines[header+1:] {
		for _, tier := range []string{" A    ", " B    ", " C    "} {
			if i := strings.Index(l, tier); i >= 0 {
				if got := ansi.StringWidth(l[:i+1]); got != col {
					t.Fatalf("tier column at %d, header at %d: %q", got, col, l)
				}
				checked++
				break
			}
		}
	}
	if checked < 5 {
		t.Fatalf("only %d rows checked", checked)
	}
}

// BenchmarkCustomersFilterQuery: the debounced filter's SQL (count and first
// page) for a 3-letter term, as run in its tea.Cmd.
func BenchmarkCustomersFilterQuery(b *testing.B) {
	c := New(screentest.Common(b, testbook.BenchBook(b)))
	screentest.New(b, c, 120, 37)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.filter.SetQuery([]string{"wang", "ltd", "王"}[i%3])
		msg := c.fetch(0, true, true)()
		if m := msg.(customersPageMsg); m.Err != nil {
			b.Fatal(m.Err)
		}
	}
}

// TestCursorKeepsItsCustomer: a write from elsewhere that re-sorts the
// list, and a re-sort with s, leave the cursor on the same customer, not on
// the same row; when the customer leaves the filter, the row is kept and
// the status line says so (issue 21, 2).
func TestCursorKeepsItsCustomer(t *testing.T) {
	d, f := fixtureBook(t)
	ctx := context.Background()
	a, c := screentest.Open(t, d, 100, 30, New)
	selected := func() int64 {
		sel, ok := c.Selection()
		if !ok {
			t.Fatal("nothing selected")
		}
		return sel.CustomerID
	}
	for selected() != f.Sato {
		a.Press("j")
	}
	row, _ := c.Cursor()
	// Another shell makes Olivia the riskiest customer: she sorts above Sato.
	if err := d.Write(ctx, "elsewhere", func(tx *db.Tx) error {
		for i := 0; i < 3; i++ {
			if _, err := tx.LogInteraction(&model.Interaction{CustomerID: f.Olivia, Kind: model.KindCall, Direction: model.Outbound, Outcome: model.OutcomeNoReply,
				Score: -1, Summary: "no answer", OccurredAt: testbook.Now().Unix() - int64(3-i)*60}); err != nil {
				return err
			}
		}
		// The complaint came first; the unanswered calls after it.
		_, err := tx.LogInteraction(&model.Interaction{CustomerID: f.Olivia, Kind: model.KindComplaint, Direction: model.Inbound, Outcome: model.OutcomeNegative,
			Score: -1, Summary: "angry", OccurredAt: testbook.Now().Unix() - 3600})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	a.Send(common.ReloadMsg{})
	if got, _ := c.Cursor(); selected() != f.Sato || got != row+1 {
		t.Fatalf("after the reload the cursor is on row %d (customer %d), want Sato on row %d", got, selected(), row+1)
	}
	// A re-sort keeps the customer too.
	a.Press("s")
	if selected() != f.Sato {
		t.Fatalf("after s the cursor is on customer %d, want Sato", selected())
	}
	// Müller leaves the at-risk filter after replying.
	a.Press("/", "risk:at", "enter")
	for i := 0; selected() != f.Muller; i++ {
		if i > c.Total() {
			t.Fatal("Müller is not in risk:at")
		}
		a.Press("j")
	}
	row, _ = c.Cursor()
	if err := d.Write(ctx, "reply", func(tx *db.Tx) error {
		_, err := tx.LogInteraction(&model.Interaction{CustomerID: f.Muller, Kind: model.KindEmail, Direction: model.Inbound, Outcome: model.OutcomePositive,
			Score: -1, Summary: "happy again", OccurredAt: testbook.Now().Unix()})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	a.Send(common.ReloadMsg{})
	if got, _ := c.Cursor(); got != min(row, c.Total()-1) || selected() == f.Muller {
		t.Fatalf("cursor row %d customer %d after Müller left (row was %d)", got, selected(), row)
	}
	screentest.MustContain(t, a.Status(), "Jürgen Müller is no longer in this list")
}
