package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/screens/detail"
	"github.com/rapportcrm/rapport/ui/screens/today"
)

func TestLaunchShowsTriageSummaryAndOpensOnToday(t *testing.T) {
	d, _ := fixtureBook(t)
	tr, err := d.Triage(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	a, err := NewApp(context.Background(), d, Options{NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	// The very first frame, before any command ran, has the summary.
	first := ansiFree(a.View())
	mustContain(t, first, tr.Counts.Summary())
	if a.Active() != common.ScreenToday {
		t.Fatalf("opened on %q, want today", a.Active())
	}
	drain(t, a, a.Init())
	out := plain(a)
	for _, want := range []string{"Overdue follow-ups (1)", "Due today (1)", "At risk (2)", "Rotting deals (1)", "Due for a touch (3)", "3d overdue", "Send quote", "Renewal 2027"} {
		mustContain(t, out, want)
	}
	// Sections in SPEC order.
	order := []string{"Overdue follow-ups", "Due today", "At risk", "Rotting deals", "Due for a touch"}
	last := -1
	for _, s := range order {
		i := strings.Index(out, s)
		if i < last {
			t.Fatalf("section %q out of order:\n%s", s, out)
		}
		last = i
	}
}

func TestLaunchOpensOnCustomersWhenNothingIsDue(t *testing.T) {
	d, _ := openBook(t)
	if _, err := d.CreateCustomer(context.Background(), &model.Customer{Name: "Calm Co"}, nil); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, d, 80, 24)
	if a.Active() != common.ScreenCustomers {
		t.Fatalf("opened on %q, want customers", a.Active())
	}
	mustContain(t, plain(a), "Calm Co")
	mustContain(t, plain(a), "0 overdue · 0 due today · 0 at risk · 0 rotting deals")
}

func TestTodayDoneCompletesTheFollowup(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	before := a.Counts().Overdue
	press(t, a, "x")
	fu, err := d.Followup(context.Background(), f.OverdueFollowup)
	if err != nil {
		t.Fatal(err)
	}
	if fu.DoneAt == 0 {
		t.Fatal("x did not complete the follow-up in the file")
	}
	if a.Counts().Overdue != before-1 {
		t.Fatalf("overdue count %d, want %d", a.Counts().Overdue, before-1)
	}
	// x offers to log what happened; esc skips it.
	mustContain(t, plain(a), "Done: Send quote. Log what happened? (esc skips)")
	press(t, a, "esc")
	out := plain(a)
	mustContain(t, out, "Overdue follow-ups · none")
	mustContain(t, out, "Done: Send quote")

	// u undoes the whole command, ctrl+r redoes it.
	press(t, a, "u")
	fu, _ = d.Followup(context.Background(), f.OverdueFollowup)
	if fu.DoneAt != 0 {
		t.Fatal("u did not undo the completion")
	}
	mustContain(t, plain(a), "Undone: complete \"")
	if a.Counts().Overdue != before {
		t.Fatalf("after undo overdue count %d, want %d", a.Counts().Overdue, before)
	}
	press(t, a, "ctrl+r")
	fu, _ = d.Followup(context.Background(), f.OverdueFollowup)
	if fu.DoneAt == 0 {
		t.Fatal("ctrl+r did not redo the completion")
	}
	mustContain(t, plain(a), "Redone: complete \"")
}

func TestTodaySnoozeToADateWithPreviewAndErrors(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	press(t, a, "Z")
	if !a.Focused().InputFocused() || a.Mode() != common.ModeForm {
		t.Fatal("Z did not open the date prompt")
	}
	press(t, a, "q?1") // text, not quit/help/tab switch
	if a.showHelp || a.Active() != common.ScreenToday {
		t.Fatal("keys typed into the date field acted as commands")
	}
	mustContain(t, plain(a), "is not a date")
	for range 3 {
		press(t, a, "backspace")
	}
	press(t, a, "fri")
	mustContain(t, plain(a), "Fri 2026-11-27 (in 4 days)")
	press(t, a, "enter")
	fu, _ := d.Followup(context.Background(), f.OverdueFollowup)
	if fu.Due.String() != "2026-11-27" {
		t.Fatalf("snoozed to %s, want 2026-11-27", fu.Due)
	}
	if a.Focused().InputFocused() {
		t.Fatal("prompt still open after saving")
	}
	// A past date is refused and nothing is written.
	press(t, a, "Z", "yesterday", "enter") // the cursor is on the due-today row now
	mustContain(t, plain(a), "in the past")
	press(t, a, "esc")
	if a.Focused().InputFocused() {
		t.Fatal("esc did not close the prompt")
	}
}

func TestTodayEnterOpensTheCustomerAndQGoesBack(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	press(t, a, "j", "enter")
	det, ok := a.Focused().(*detail.Model)
	if !ok || det.CustomerID() != f.Acme {
		t.Fatalf("enter opened %T", a.Focused())
	}
	mustContain(t, plain(a), "Call about renewal")
	if press(t, a, "q") {
		t.Fatal("q quit from the detail view instead of going back")
	}
	if _, ok := a.Focused().(*today.Model); !ok {
		t.Fatalf("q went to %T", a.Focused())
	}
	// The cursor survived: still on the due-today row.
	if sel, _ := todayOf(a).Selection(); sel.Kind != common.KindFollowup || sel.Label != "Call about renewal" {
		t.Fatal("Today lost its cursor")
	}
	if !press(t, a, "q") {
		t.Fatal("q on a top-level screen did not quit")
	}
}

func TestMidnightRefreshesTheTriage(t *testing.T) {
	d, clk := openBook(t)
	ctx := context.Background()
	id, _ := d.CreateCustomer(ctx, &model.Customer{Name: "Night Owl"}, nil)
	if err := d.Write(ctx, "f", func(tx *db.Tx) error {
		_, err := tx.CreateFollowup(&model.Followup{CustomerID: id, Title: "Ring at dawn", Due: model.DayOf(fixtureNow)})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, d, 80, 24)
	if a.Counts().Overdue != 0 || a.Counts().DueToday != 1 {
		t.Fatalf("counts %+v", a.Counts())
	}
	clk.T = fixtureNow.AddDate(0, 0, 1).Add(-9*60*60 + 1) // just after midnight
	_, cmd := a.Update(midnightMsg{})
	drain(t, a, cmd)
	if a.Counts().Overdue != 1 || a.Counts().DueToday != 0 {
		t.Fatalf("after midnight counts %+v", a.Counts())
	}
	mustContain(t, plain(a), "1d overdue")
}

func TestAnotherProcessWriteReloadsKeepingTheCursor(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	msg, ok := runWithin(a.watchCmd(), 5*1e9)
	if !ok {
		t.Fatal("watch connection did not open")
	}
	a.Update(msg) // the poll it schedules is not run here
	defer a.Close()
	press(t, a, "j", "j") // first at-risk row
	// A second handle on the same file, as another process would have.
	other, err := db.Open(context.Background(), d.Path(), db.Options{Now: d.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.CompleteFollowup(context.Background(), f.OverdueFollowup); err != nil {
		t.Fatal(err)
	}
	v, err := db.DataVersion(context.Background(), a.conn)
	if err != nil {
		t.Fatal(err)
	}
	_, cmd := a.Update(dataVersionMsg{Version: v})
	drain(t, a, cmd)
	if a.Counts().Overdue != 0 {
		t.Fatalf("summary not reloaded: %+v", a.Counts())
	}
	out := plain(a)
	mustContain(t, out, "Overdue follow-ups · none")
	// The cursor stayed on the same customer (Jürgen Müller, first at risk).
	if sel, _ := todayOf(a).Selection(); sel.Kind != common.KindCustomer || sel.CustomerID != f.Muller {
		t.Fatalf("cursor moved to %+v", sel)
	}
}
