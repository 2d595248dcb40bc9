package ui

import (
	"context"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// TestDueTodayCountedAfterTheDayTurns: a follow-up scheduled for tomorrow
// is listed and counted in Today's "Due today" the next day (the launch
// summary and the section title read the materialised count, which must
// expire on the due day; the tmux test's "log with next 明天" depends on it).
func TestDueTodayCountedAfterTheDayTurns(t *testing.T) {
	d, clk := openBook(t)
	ctx := context.Background()
	id, err := d.CreateCustomer(ctx, &model.Customer{Name: "Acme"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Write(ctx, "f", func(tx *db.Tx) error {
		_, err := tx.CreateFollowup(&model.Followup{CustomerID: id, Title: "Call back", Due: model.DayOf(fixtureNow).AddDays(1)})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	clk.T = fixtureNow.AddDate(0, 0, 1)
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	tr, err := d.Triage(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.DueToday) != 1 || tr.Counts.DueToday != 1 {
		t.Fatalf("the next day: %d due today listed, %d counted", len(tr.DueToday), tr.Counts.DueToday)
	}
}
