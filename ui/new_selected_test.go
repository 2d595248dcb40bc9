package ui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/ui/screens/detail"
)

// After a adds a customer on Customers, the cursor is on the new customer
// (issue 21), wherever the sort puts it, and enter opens it.
func TestAddCustomerSelectsIt(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	press(t, a, "2")
	c := customersOf(a)
	before, _ := c.Selection()
	openForm(t, a, "a")
	press(t, a, "Zoë Newcomer", "ctrl+s")
	mustClose(t, a)
	id, err := strconv.ParseInt(text(t, d, `SELECT id FROM customers WHERE name = 'Zoë Newcomer'`), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	sel, ok := c.Selection()
	if !ok || sel.CustomerID != id {
		t.Fatalf("cursor on %q (#%d), want the new customer #%d (was on %q):\n%s", sel.Customer, sel.CustomerID, id, before.Customer, plain(a))
	}
	// The selected row on screen is the new customer's.
	cur, top := c.Cursor()
	lines := strings.Split(plain(a), "\n")
	found := false
	for _, l := range lines {
		if strings.Contains(l, "Zoë Newcomer") {
			found = true
		}
	}
	if !found || cur < top {
		t.Fatalf("new customer not on screen (cursor %d, top %d):\n%s", cur, top, plain(a))
	}
	press(t, a, "enter")
	if det, ok := a.Focused().(*detail.Model); !ok || det.CustomerID() != id {
		t.Fatalf("enter opened %T, not the new customer's 360", a.Focused())
	}
}
