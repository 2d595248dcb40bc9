package detail

import (
	"context"
	"testing"

	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

// The 360 of an archived customer does not call its open follow-up overdue.
func TestDetailArchivedCustomerIsNotOverdue(t *testing.T) {
	d, f := testbook.Book(t)
	if err := d.SetArchived(context.Background(), "customer", f.Wang, true); err != nil {
		t.Fatal(err)
	}
	a, _ := detailApp(t, d, f.Wang, 120, 40)
	out := a.Plain()
	screentest.MustContain(t, out, "(archived)")
	screentest.MustContain(t, out, "due 3d ago")
	screentest.MustNotContain(t, out, "! 3d overdue")
}
