package customers

import (
	"context"
	"testing"

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
