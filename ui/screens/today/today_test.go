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

// todayApp builds the Today screen over d, loaded, in the screen harness,
// with the body the app gives it in a w×h terminal (three lines go to the
// tabs, summary and footer).
func todayApp(t testing.TB, d *db.DB, w, h int) (*screentest.Harness, *Model) {
	t.Helper()
	s := New(screentest.Common(t, d))
	return screentest.New(t, s, w, h-3), s
}

func press(t testing.TB, a *screentest.Harness, keys ...string) { t.Helper(); a.Press(keys...) }
func plain(a *screentest.Harness) string                        { return a.Plain() }
func mustContain(t testing.TB, s, want string)                  { t.Helper(); screentest.MustContain(t, s, want) }
func mustNotContain(t testing.TB, s, unwanted string) {
	t.Helper()
	screentest.MustNotContain(t, s, unwanted)
}

func TestTodayXOnARiskRowIsAHint(t *testing.T) {
	d, _ := testbook.Book(t)
	a, _ := todayApp(t, d, 100, 30)
	press(t, a, "j", "j", "x") // the first at-risk row
	mustContain(t, a.Status(), "x marks a follow-up done")
	if len(a.Changed) != 0 {
		t.Fatalf("x on a risk row changed something: %v", a.Changed)
	}
}

func TestTodaySnoozeOneDay(t *testing.T) {
	d, f := testbook.Book(t)
	a, _ := todayApp(t, d, 100, 30)
	press(t, a, "z")
	fu, _ := d.Followup(context.Background(), f.OverdueFollowup)
	if want := model.DayOf(testbook.Now()).AddDays(1); fu.Due != want {
		t.Fatalf("snoozed to %s, want %s", fu.Due, want)
	}
	mustContain(t, plain(a), "Overdue follow-ups · none") // the screen reloaded
}

func TestTodaySnoozeRottingDealAsksForAReason(t *testing.T) {
	d, f := testbook.Book(t)
	a, _ := todayApp(t, d, 100, 30)
	// Rows: overdue, due today, 2 at risk, rotting.
	press(t, a, "j", "j", "j", "j", "z")
	mustContain(t, plain(a), "Snooze until:")
	press(t, a, "+7d", "enter", "enter")
	mustContain(t, plain(a), "say why")
	press(t, a, "waiting for budget", "enter")
	deals, err := d.CustomerDeals(context.Background(), f.Lee)
	if err != nil {
		t.Fatal(err)
	}
	if deals[0].SnoozedUntil.String() != "2026-11-30" || deals[0].SnoozeReason != "waiting for budget" {
		t.Fatalf("deal snoozed to %q (%q)", deals[0].SnoozedUntil, deals[0].SnoozeReason)
	}
	mustContain(t, plain(a), "Rotting deals · none") // the screen reloaded
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
	a, _ := todayApp(t, d, 80, 24)
	v := plain(a)
	mustContain(t, v, "Overdue follow-ups (30)")
	mustContain(t, v, "… 25 more · space shows them")
	mustContain(t, v, "Due for a touch")
	press(t, a, " ")
	v = plain(a)
	mustNotContain(t, v, "space shows them")
	mustContain(t, v, "Chase 20")
	press(t, a, " ")
	mustContain(t, plain(a), "… 25 more · space shows them")
}
