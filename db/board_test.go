package db

import (
	"context"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/model"
)

func TestBoardColumnsOrderAndTotals(t *testing.T) {
	ctx := context.Background()
	d, _ := openTest(t)
	a := mustCustomer(t, d, "Acme")
	b := mustCustomer(t, d, "王芳")
	stages, _ := d.Stages(ctx)
	var small, big, eur, withNext int64
	err := d.Write(ctx, "deals", func(tx *Tx) error {
		var err error
		small, _ = tx.CreateDeal(&model.Deal{CustomerID: a, Title: "Small", ValueMinor: 1000, Currency: "USD"})
		big, _ = tx.CreateDeal(&model.Deal{CustomerID: a, Title: "Big", ValueMinor: 9000, Currency: "USD"})
		eur, _ = tx.CreateDeal(&model.Deal{CustomerID: a, Title: "Euro", ValueMinor: 5000, Currency: "EUR"})
		withNext, err = tx.CreateDeal(&model.Deal{CustomerID: b, Title: "Tiny but overdue", ValueMinor: 10, Currency: "USD"})
		if err != nil {
			return err
		}
		_, err = tx.CreateFollowup(&model.Followup{CustomerID: b, DealID: withNext, Title: "chase", Due: d.Today().AddDays(-1)})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.MoveDeal(ctx, eur, stages[4].ID, "", true); err != nil {
		t.Fatal(err)
	}
	cols, err := d.Board(ctx, model.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cols) != len(stages) {
		t.Fatalf("%d columns", len(cols))
	}
	lead := cols[0]
	var order []int64
	for _, c := range lead.Cards {
		order = append(order, c.ID)
	}
	want := []int64{withNext, big, small}
	if len(order) != 3 || order[0] != want[0] || order[1] != want[1] || order[2] != want[2] {
		t.Fatalf("lead order %v, want %v", order, want)
	}
	if len(lead.Totals) != 1 || lead.Totals[0].Total != 10010 || lead.Totals[0].Weighted != 1001 {
		t.Fatalf("lead totals %+v", lead.Totals)
	}
	won := cols[4]
	if len(won.Cards) != 1 || won.Totals[0].Currency != "EUR" || won.Totals[0].Total != 5000 {
		t.Fatalf("won column %+v", won)
	}
	f := model.ParseFilter("王芳")
	cols, _ = d.Board(ctx, f)
	if len(cols[0].Cards) != 1 || cols[0].Cards[0].ID != withNext {
		t.Fatalf("filter: %+v", cols[0].Cards)
	}
}

// TestBoardAndReportsAgreeOnNinetyDays: the Won and Lost columns and a
// report's "90d" period count the same closed deals — calendar days, today
// included — also for a deal closed 90 days ago later in the day than now
// (issue 21, 13).
func TestBoardAndReportsAgreeOnNinetyDays(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t) // 09:00
	a := mustCustomer(t, d, "Acme")
	stages, _ := d.Stages(ctx)
	lost := stages[len(stages)-1]
	if lost.Kind != model.StageLost {
		t.Fatalf("last stage %+v", lost)
	}
	closedAt := map[string]int64{
		"90 days ago 10:00": clk.t.AddDate(0, 0, -90).Add(time.Hour).Unix(),
		"89 days ago 00:30": clk.t.AddDate(0, 0, -89).Add(-8*time.Hour - 30*time.Minute).Unix(),
		"today 08:00":       clk.t.Add(-time.Hour).Unix(),
	}
	for title, at := range closedAt {
		var id int64
		if err := d.Write(ctx, "deal", func(tx *Tx) error {
			var err error
			id, err = tx.CreateDeal(&model.Deal{CustomerID: a, Title: title, ValueMinor: 100, Currency: "USD"})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := d.MoveDeal(ctx, id, lost.ID, "Price", false); err != nil {
			t.Fatal(err)
		}
		if _, err := d.w.ExecContext(ctx, `UPDATE deals SET closed_at = ? WHERE id = ?`, at, id); err != nil {
			t.Fatal(err)
		}
	}
	cols, err := d.Board(ctx, model.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	onBoard := len(cols[len(cols)-1].Cards)
	p, err := ParsePeriod("90d", d.Today())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := d.Report(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if onBoard != 2 || rep.Deals.Lost != 2 {
		t.Fatalf("lost on the board %d, in the 90d report %d; want 2 and 2", onBoard, rep.Deals.Lost)
	}
}
