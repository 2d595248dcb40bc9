package detail

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

// detailApp opens customer id's detail over d, loaded, in the screen
// harness, with the body the app gives it in a w×h terminal.
func detailApp(t testing.TB, d *db.DB, id int64, w, h int) (*screentest.Harness, *Model) {
	t.Helper()
	v := New(screentest.Common(t, d), id)
	return screentest.InApp(t, v, w, h), v
}

func TestDetailShowsTheWholeCustomer(t *testing.T) {
	d, f := testbook.Book(t)
	a, _ := detailApp(t, d, f.Wang, 120, 40)
	out := a.Plain()
	for _, want := range []string{"王芳 · 北京远景科技有限公司", "Tier A (pinned) · customer · every 14 d", "#vip", "Risk 10", "+10  Follow-up 3 d overdue",
		"Open follow-ups (1)", "3d overdue", "Send quote", "Timeline (2)", "Discussed the 2027 volume 报价", "Recent orders"} {
		screentest.MustContain(t, out, want)
	}
	// Newest first.
	if strings.Index(out, "Discussed") > strings.Index(out, "Visited") {
		t.Fatal("timeline is not newest first")
	}
}

func TestDetailSanitisesDatabaseText(t *testing.T) {
	d, f := testbook.Book(t)
	a, det := detailApp(t, d, f.Evil, 120, 40)
	raw := det.View()
	for _, bad := range []string{"\x1b[31mCorp", "\u202e", "\x07", "\x9b", "\x1b]0;"} {
		if strings.Contains(raw, bad) {
			t.Fatalf("frame carries %q from the database", bad)
		}
	}
	screentest.MustContain(t, a.Plain(), "EvilCorp")
}

func TestDetailFollowupKeys(t *testing.T) {
	d, f := testbook.Book(t)
	a, _ := detailApp(t, d, f.Wang, 120, 40)
	// The cursor starts on the customer's name line; the follow-up is next.
	a.Press("j", "Z", "明天", "enter")
	fu, _ := d.Followup(context.Background(), f.OverdueFollowup)
	if fu.Due.String() != "2026-11-24" {
		t.Fatalf("Z 明天 snoozed to %s", fu.Due)
	}
	a.Press("x")
	fu, _ = d.Followup(context.Background(), f.OverdueFollowup)
	if fu.DoneAt == 0 {
		t.Fatal("x did not complete the follow-up")
	}
	screentest.MustContain(t, a.Plain(), "Open follow-ups (0)")
	// x on a timeline row is a hint, not an action.
	a.Press("x")
	screentest.MustContain(t, a.Status()+"\n"+a.Plain(), "select one under Open follow-ups")
}

func TestDetailPagesALongTimeline(t *testing.T) {
	d, _ := testbook.Open(t)
	ctx := context.Background()
	id, _ := d.CreateCustomer(ctx, &model.Customer{Name: "Chatty"}, nil)
	const n = 1500
	if err := d.Write(ctx, "many", func(tx *db.Tx) error {
		for i := 0; i < n; i++ {
			if _, err := tx.LogInteraction(&model.Interaction{CustomerID: id, Kind: model.KindCall, Direction: model.Outbound, Outcome: model.OutcomeReplied,
				Score: -1, Summary: fmt.Sprintf("Call %04d", i), OccurredAt: testbook.Now().Unix() - int64(n-i)*3600}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	a, det := detailApp(t, d, id, 80, 24)
	if len(det.timeline) != timelineFirst {
		t.Fatalf("first load holds %d interactions", len(det.timeline))
	}
	screentest.MustContain(t, a.Plain(), "Call 1499")
	a.Press("G")
	for i := 0; i < 20 && det.cursor != len(det.sel)-1 || len(det.timeline) < n; i++ {
		a.Press("G")
	}
	if len(det.timeline) != n {
		t.Fatalf("paged %d of %d", len(det.timeline), n)
	}
	screentest.MustContain(t, a.Plain(), "Call 0000")
	// A reload keeps the cursor on the same interaction.
	a.Send(common.ReloadMsg{})
	screentest.MustContain(t, a.Plain(), "› ")
	screentest.MustContain(t, a.Plain(), "Call 0000")
}

// TestDetailSnoozeNeverPullsForward: z on a follow-up due in 3 days at
// 15:30 moves it to the fourth day at 15:30, not to tomorrow (issue 21, 1).
func TestDetailSnoozeNeverPullsForward(t *testing.T) {
	d, f := testbook.Book(t)
	ctx := context.Background()
	var id int64
	if err := d.Write(ctx, "follow", func(tx *db.Tx) error {
		var err error
		id, err = tx.CreateFollowup(&model.Followup{CustomerID: f.Olivia, Title: "Later call", Due: d.Today().AddDays(3), DueTime: "15:30"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	a, _ := detailApp(t, d, f.Olivia, 120, 40)
	screentest.MustContain(t, a.Plain(), "Later call")
	a.Press("j", "z")
	fu, _ := d.Followup(ctx, id)
	if fu.Due != d.Today().AddDays(4) || fu.DueTime != "15:30" {
		t.Fatalf("z moved a follow-up due in 3 d to %s %s", fu.Due, fu.DueTime)
	}
	screentest.MustContain(t, a.Status(), "Snoozed a day")
}

// TestDetailShowsWhatWasTyped: notes, industry and source, revenue, last
// scores and done follow-ups are on the 360, and enter on a timeline row
// opens the interaction in full, enter again folds it (issue 21, 6).
func TestDetailShowsWhatWasTyped(t *testing.T) {
	d, f := testbook.Book(t)
	ctx := context.Background()
	cu, err := d.Customer(ctx, f.Olivia)
	if err != nil {
		t.Fatal(err)
	}
	cu.Industry, cu.Source, cu.Notes = "Furniture", "Trade fair 2025", "Prefers calls after 4pm\nBuys for three shops"
	if err := d.UpdateCustomer(ctx, &cu); err != nil {
		t.Fatal(err)
	}
	if err := d.Write(ctx, "log", func(tx *db.Tx) error {
		if _, err := tx.LogInteraction(&model.Interaction{CustomerID: f.Olivia, Kind: model.KindMeeting, Direction: model.Outbound, Outcome: model.OutcomePositive,
			Score: -1, Summary: "Showroom visit", Body: "Walked the new range\nWants samples of oak", OccurredAt: testbook.Now().Unix() - 3600}); err != nil {
			return err
		}
		if _, err := tx.LogInteraction(&model.Interaction{CustomerID: f.Olivia, Kind: model.KindFeedback, Direction: model.Inbound, Outcome: model.OutcomePositive,
			Score: 9, Summary: "Survey", OccurredAt: testbook.Now().Unix() - 7200}); err != nil {
			return err
		}
		_, err := tx.CreateOrder(&model.Order{CustomerID: f.Olivia, AmountMinor: 250000, Currency: "USD", OrderedAt: testbook.Now().Unix() - 86400})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var fu int64
	if err := d.Write(ctx, "follow", func(tx *db.Tx) error {
		var err error
		fu, err = tx.CreateFollowup(&model.Followup{CustomerID: f.Olivia, Title: "Send the oak samples", Due: d.Today()})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.CompleteFollowup(ctx, fu); err != nil {
		t.Fatal(err)
	}
	a, v := detailApp(t, d, f.Olivia, 120, 60)
	out := a.Plain()
	for _, want := range []string{"Industry: Furniture · Source: Trade fair 2025", "Prefers calls after 4pm", "Buys for three shops",
		"Revenue $2,500.00 in the last 365 d", "Last scores: 9/10", "done lately:", "✓", "Send the oak samples"} {
		screentest.MustContain(t, out, want)
	}
	screentest.MustNotContain(t, out, "Wants samples of oak")
	for i := 0; i < 40; i++ {
		if it, ok := v.selectedItem(); ok && it.kind == itemTimeline && strings.Contains(it.text, "Showroom visit") {
			break
		}
		a.Press("j")
	}
	a.Press("enter")
	out = a.Plain()
	screentest.MustContain(t, out, "│ Walked the new range")
	screentest.MustContain(t, out, "│ Wants samples of oak")
	a.Press("enter")
	screentest.MustNotContain(t, a.Plain(), "Wants samples of oak")
}
