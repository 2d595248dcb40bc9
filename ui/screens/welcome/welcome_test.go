package welcome

import (
	"testing"

	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

// TestWelcomeFormAndQuestion: a opens the form with the name focused (›),
// tab moves the marker, an empty name is refused beside the form, esc
// leaves it; d asks before loading and n says no.
func TestWelcomeFormAndQuestion(t *testing.T) {
	d, _ := testbook.Open(t)
	v := New(screentest.Common(t, d))
	a := screentest.InApp(t, v, 80, 24)
	screentest.MustContain(t, a.Plain(), "This book is empty")
	a.Press("a")
	if v.Mode() != common.ModeForm || !v.InputFocused() {
		t.Fatalf("a: mode %d", v.Mode())
	}
	screentest.MustContain(t, a.Plain(), "› Name:")
	a.Press("tab")
	screentest.MustContain(t, a.Plain(), "› Company:")
	a.Press("ctrl+s")
	screentest.MustContain(t, a.Plain(), "a customer needs a name")
	a.Press("esc")
	if v.Mode() != common.ModeNormal || v.InputFocused() {
		t.Fatalf("esc left mode %d", v.Mode())
	}
	a.Press("d")
	screentest.MustContain(t, a.Plain(), "Load 2,000 sample customers into this file?")
	if v.Mode() != common.ModeModal {
		t.Fatalf("d: mode %d", v.Mode())
	}
	a.Press("n")
	if v.Mode() != common.ModeNormal || len(a.Changed) != 0 {
		t.Fatalf("n: mode %d, changed %v", v.Mode(), a.Changed)
	}
}

// TestWelcomeAddsTheFirstCustomer: enter on the name moves on, enter on
// the company saves, and the screen asks the root for Customers.
func TestWelcomeAddsTheFirstCustomer(t *testing.T) {
	d, _ := testbook.Open(t)
	v := New(screentest.Common(t, d))
	a := screentest.InApp(t, v, 80, 24)
	a.Press("a", "Acme Ltd", "enter", "Acme", "enter")
	if len(a.Switched) != 1 || a.Switched[0] != common.ScreenCustomers {
		t.Fatalf("after saving the screen asked for %v", a.Switched)
	}
	if empty, _ := d.IsEmpty(t.Context()); empty {
		t.Fatal("nothing was written")
	}
}
