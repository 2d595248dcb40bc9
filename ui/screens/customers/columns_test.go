package customers

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/ui/internal/screentest"
)

// An archived customer's open follow-up is not shown as overdue.
func TestArchivedCustomerIsNotOverdue(t *testing.T) {
	d, f := fixtureBook(t)
	ctx := context.Background()
	fu, err := d.Followup(ctx, f.OverdueFollowup)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SetArchived(ctx, "customer", fu.CustomerID, true); err != nil {
		t.Fatal(err)
	}
	a, c := screentest.Open(t, d, 100, 30, New)
	a.Press("/", "archived:yes", "enter")
	if c.Total() != 1 {
		t.Fatalf("%d archived customers, want 1", c.Total())
	}
	v := a.Plain()
	screentest.MustContain(t, v, "archived")
	screentest.MustNotContain(t, v, "overdue")
	screentest.MustContain(t, v, "due 3d ago")
}

// A wide terminal shows more columns (open deals, tags, email, phone), not wider
// ones; 120 columns shows none of them.
func TestWideTerminalShowsMoreColumns(t *testing.T) {
	d, _ := fixtureBook(t)
	a, _ := screentest.Open(t, d, 200, 30, New)
	v := a.Plain()
	for _, want := range []string{"Deals", "Tags", "Email", "Phone", "@example.com"} {
		screentest.MustContain(t, v, want)
	}
	// The row carries the customer's tags (issue 21: the list row had none).
	tagged := false
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "王芳") {
			tagged = strings.Contains(l, "#vip")
			if !tagged {
				t.Fatalf("王芳's row shows no #vip:\n%s", l)
			}
		} else if strings.Contains(l, "#vip") {
			t.Fatalf("#vip on another row:\n%s", l)
		}
	}
	if !tagged {
		t.Fatalf("王芳 is not on screen:\n%s", v)
	}
	for _, l := range strings.Split(v, "\n") {
		if w := ansi.StringWidth(l); w > 200 {
			t.Fatalf("line %d wide: %q", w, l)
		}
	}
	a.S.SetSize(120, 30)
	v = a.Plain()
	screentest.MustNotContain(t, v, "Email")
	screentest.MustNotContain(t, v, "Deals")
	screentest.MustNotContain(t, v, "Tags")
}
