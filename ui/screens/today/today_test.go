package today

import (
	"context"
	"fmt"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

func TestTodayXOnARiskRowIsAHint(t *testing.T) {
	d, _ := testbook.Book(t)
	a, _ := screentest.Open(t, d, 100, 30, New)
	a.Press("j", "j", "x") // the first at-risk row
	screentest.MustContain(t, a.Status(), "x marks a follow-up done")
	if len(a.Changed) != 0 {
		t.Fatalf("x on a risk row changed something: %v", a.Changed)
	}
}

func TestTodaySnoozeOneDay(t *testing.T) {
	d, f := testbook.Book(t)
	a, _ := screentest.Open(t, d, 100, 30, New)
	a.Press("z")
	fu, _ := d.Followup(context.Background(), f.OverdueFollowup)
	if want := model.DayOf(testbook.Now()).AddDays(1); fu.Due != want {
		t.Fatalf("snoozed to %s, want %s", fu.Due, want)
	}
	screentest.MustContain(t, a.Plain(), "Overdue follow-ups · none") // the screen reloaded
}

func TestTodaySnoozeRottingDealAsksForAReason(t *testing.T) {
	d, f := testbook.Book(t)
	a, _ := screentest.Open(t, d, 100, 30, New)
	// Rows: overdue, due today, 2 at risk, rotting.
	a.Press("j", "j", "j", "j", "z")
	screentest.MustContain(t, a.Plain(), "Snooze until:")
	a.Press("+7d", "enter", "enter")
	screentest.MustContain(t, a.Plain(), "say why")
	a.Press("waiting for budget", "enter")
	deals, err := d.CustomerDeals(context.Background(), f.Lee)
	if err != nil {
		t.Fatal(err)
	}
	if deals[0].SnoozedUntil.String() != "2026-11-30" || deals[0].SnoozeReason != "waiting for budget" {
		t.Fatalf("deal snoozed to %q (%q)", deals[0].SnoozedUntil, deals[0].SnoozeReason)
	}
	screentest.MustContain(t, a.Plain(), "Rotting deals · none") // the screen reloaded
}

// A busy morning: more overdue follow-ups than the screen holds. Every
// section still shows (the long one folded to its first rows), and space
// opens the section under the cursor and folds it again.
func TestTodayFoldsLongSections(t *testing.T) {
	d, clk := testbook.Open(t)
	ctx := context.Background()
	for i := 0; i < 30; i++ {
		id, err := d.CreateCustomer(ctx, &model.Customer{Name: fmt.Sprintf("Customer %02d", i)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Write(ctx, "f", func(tx *db.Tx) error {
			_, err := tx.CreateFollowup(&model.Followup{CustomerID: id, Title: fmt.Sprintf("Chase %02d", i), Due: model.DayOf(clk.T).AddDays(-1 - i)})
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	a, _ := screentest.Open(t, d, 80, 24, New)
	v := a.Plain()
	screentest.MustContain(t, v, "Overdue follow-ups (30)")
	screentest.MustContain(t, v, "… 25 more · space shows them")
	screentest.MustContain(t, v, "Due for a touch")
	a.Press(" ")
	v = a.Plain()
	screentest.MustNotContain(t, v, "space shows them")
	screentest.MustContain(t, v, "Chase 20")
	a.Press(" ")
	screentest.MustContain(t, a.Plain(), "… 25 more · space shows them")
}

// manyOverdue adds n customers, each with a follow-up overdue by 1..n days.
func manyOverdue(t *testing.T, n int) *db.DB {
	t.Helper()
	d, clk := testbook.Open(t)
	ctx := context.Background()
	for i := 0; i < n; i++ {
		id, err := d.CreateCustomer(ctx, &model.Customer{Name: fmt.Sprintf("Customer %02d", i)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Write(ctx, "f", func(tx *db.Tx) error {
			_, err := tx.CreateFollowup(&model.Followup{CustomerID: id, Title: fmt.Sprintf("Chase %02d", i), Due: model.DayOf(clk.T).AddDays(-1 - i)})
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// Folding an opened section from far down shows it from its title again.
func TestTodayFoldFromFarDownShowsTheTitle(t *testing.T) {
	d := manyOverdue(t, 30)
	a, _ := screentest.Open(t, d, 80, 10, New)
	a.Press(" ")
	for i := 0; i < 25; i++ {
		a.Press("j")
	}
	screentest.MustNotContain(t, a.Plain(), "Overdue follow-ups (30)")
	a.Press(" ")
	v := a.Plain()
	screentest.MustContain(t, v, "Overdue follow-ups (30)")
	screentest.MustContain(t, v, "Chase 29")
	screentest.MustContain(t, v, "… 25 more · space shows them")
}

// G shows the last row and the "… N more" line under it.
func TestTodayGShowsTheLastMoreLine(t *testing.T) {
	d := manyOverdue(t, todaySectionLimit+5)
	a, _ := screentest.Open(t, d, 80, 10, New)
	a.Press(" ", "G")
	v := a.Plain()
	screentest.MustContain(t, v, "› ! 6d overdue") // the last row loaded
	screentest.MustContain(t, v, "… 5 more")
}

// A customer's own cadence is named as theirs, not the tier's.
func TestTodayTouchNamesOwnCadence(t *testing.T) {
	d, clk := testbook.Open(t)
	ctx := context.Background()
	id, err := d.CreateCustomer(ctx, &model.Customer{Name: "Own Rhythm", Tier: model.TierA, TierPinned: true, CadenceDays: 7}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Write(ctx, "log", func(tx *db.Tx) error {
		_, err := tx.LogInteraction(&model.Interaction{CustomerID: id, Kind: model.KindCall, Direction: model.Outbound, Outcome: model.OutcomeReplied, Score: -1, Summary: "hello", OccurredAt: clk.T.AddDate(0, 0, -10).Unix()})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	a, _ := screentest.Open(t, d, 120, 30, New)
	v := a.Plain()
	screentest.MustContain(t, v, "no contact for 10 d (own cadence 7 d)")
	screentest.MustNotContain(t, v, "for tier A")
}

// Counts of a thousand and more are grouped, as everywhere else.
func TestTodayGroupsCounts(t *testing.T) {
	d := manyOverdue(t, 1205)
	a, _ := screentest.Open(t, d, 80, 24, New)
	v := a.Plain()
	screentest.MustContain(t, v, "Overdue follow-ups (1,205)")
	a.Press(" ", "G")
	screentest.MustContain(t, a.Plain(), "… 1,005 more")
}
