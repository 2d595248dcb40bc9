package ui

import (
	"context"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/ui/common"
)

func TestEmptyBookWelcomesAndAddsACustomer(t *testing.T) {
	d, _ := openBook(t)
	a := newTestApp(t, d, 80, 24)
	if a.Active() != common.ScreenWelcome {
		t.Fatalf("empty book opened on %q", a.Active())
	}
	out := plain(a)
	mustContain(t, out, "Welcome to rapport")
	mustContain(t, out, "rapport import csv FILE")
	mustContain(t, out, "load sample data")
	press(t, a, "a")
	if !a.Focused().InputFocused() {
		t.Fatal("a did not open the form")
	}
	// Keys typed into the form are text.
	if press(t, a, "q?2 Co", "tab", "Qu1ck") {
		t.Fatal("q in the form quit")
	}
	press(t, a, "enter")
	if a.Active() != common.ScreenCustomers {
		t.Fatalf("after saving the app shows %q", a.Active())
	}
	mustContain(t, plain(a), "q?2 Co")
	mustContain(t, plain(a), "Qu1ck")
	press(t, a, "u")
	if empty, _ := d.IsEmpty(context.Background()); !empty {
		t.Fatal("u did not undo adding the customer")
	}
}

func TestWelcomeAsksBeforeLoadingSampleData(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the 2,000-customer demo")
	}
	d, _ := openBook(t)
	a := newTestApp(t, d, 80, 24)
	press(t, a, "d")
	mustContain(t, plain(a), "Load 2,000 sample customers into this file?")
	press(t, a, "n")
	if empty, _ := d.IsEmpty(context.Background()); !empty {
		t.Fatal("n still wrote sample data")
	}
	mustContain(t, plain(a), "add a customer")
	press(t, a, "d")
	_, cmd := a.Update(keyMsgs("y")[0])
	drainWithin(t, a, cmd, 5*time.Minute)
	if empty, _ := d.IsEmpty(context.Background()); empty {
		t.Fatalf("y did not load sample data:\n%s", plain(a))
	}
	if a.Active() != common.ScreenToday {
		t.Fatalf("after loading the app shows %q", a.Active())
	}
	if !a.Counts().Any() {
		t.Fatal("the sample book has nothing to triage")
	}
	mustContain(t, plain(a), a.Counts().Summary())
}
