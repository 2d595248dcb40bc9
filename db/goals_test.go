package db

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// TestGoalsAgainstAHandBuiltBook sets goals and checks each actual, pace
// and the launch's main goal against figures worked out by hand.
func TestGoalsAgainstAHandBuiltBook(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t) // book currency USD
	clk.t = time.Date(2026, 12, 20, 9, 0, 0, 0, time.Local)
	a := mustCustomer(t, d, "Acme")
	b := mustCustomer(t, d, "Zeta")
	at := func(s string) int64 {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, time.Local)
		if err != nil {
			t.Fatal(err)
		}
		return tm.Unix()
	}
	var archivedOrder int64
	if err := d.Write(ctx, "book", func(tx *Tx) error {
		for _, o := range []model.Order{
			{CustomerID: a, AmountMinor: 50_000_00, Currency: "USD", OrderedAt: at("2026-12-01 00:00")}, // counts (first second)
			{CustomerID: b, AmountMinor: 34_000_00, Currency: "USD", OrderedAt: at("2026-12-19 18:00")}, // counts
			{CustomerID: a, AmountMinor: 9_000_00, Currency: "USD", OrderedAt: at("2026-11-30 23:59")},  // November
			{CustomerID: a, AmountMinor: 7_000_00, Currency: "EUR", OrderedAt: at("2026-12-02 10:00")},  // another currency
		} {
			if _, err := tx.CreateOrder(&o); err != nil {
				return err
			}
		}
		var err error
		archivedOrder, err = tx.CreateOrder(&model.Order{CustomerID: b, AmountMinor: 1_000_00, Currency: "USD", OrderedAt: at("2026-12-03 10:00")})
		if err != nil {
			return err
		}
		for i := 0; i < 3; i++ {
			if _, err := tx.LogInteraction(&model.Interaction{CustomerID: a, Summary: "call", OccurredAt: at("2026-12-10 10:00")}); err != nil {
				return err
			}
		}
		_, err = tx.LogInteraction(&model.Interaction{CustomerID: a, Summary: "old call", OccurredAt: at("2026-11-10 10:00")})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := d.SetArchived(ctx, "order", archivedOrder, true); err != nil {
		t.Fatal(err)
	}
	dec, _ := model.ParseGoalPeriod("2026-12")
	q4, _ := model.ParseGoalPeriod("2026-Q4")
	for _, g := range []model.Goal{
		{Measure: model.GoalRevenue, Period: dec, Target: 120_000_00},
		{Measure: model.GoalInteractions, Period: dec, Target: 10},
		{Measure: model.GoalNewCustomers, Period: q4, Target: 5},
	} {
		if _, err := d.SetGoal(ctx, g); err != nil {
			t.Fatal(err)
		}
	}
	// Setting it again changes the target instead of adding a second goal.
	if _, err := d.SetGoal(ctx, model.Goal{Measure: model.GoalRevenue, Period: dec, Target: 100_000_00}); err != nil {
		t.Fatal(err)
	}
	all, err := d.GoalProgress(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 {
		t.Fatalf("%d goals: %+v", len(all), all)
	}
	by := map[model.GoalMeasure]model.GoalProgress{}
	for _, p := range all {
		by[p.Measure] = p
	}
	rev, inter, newc := by[model.GoalRevenue], by[model.GoalInteractions], by[model.GoalNewCustomers]
	if all[0].Measure != model.GoalNewCustomers {
		t.Errorf("goals are not by period start: %+v", all[0])
	}
	// Revenue: 50,000 + 34,000 in USD in December = 84,000 by the 20th;
	// pace 84,000 × 31 / 20 = 130,200.
	if rev.Measure != model.GoalRevenue || rev.Currency != "USD" || rev.Target != 100_000_00 || rev.Actual != 84_000_00 || rev.Pace != 130_200_00 || !rev.OnPace || rev.DaysLeft != 11 {
		t.Errorf("revenue %+v", rev)
	}
	if inter.Actual != 3 || inter.Pace != 4 || inter.OnPace {
		t.Errorf("interactions %+v", inter)
	}
	// Q4 (Oct–Dec): the two customers were added on 2026-11-23.
	if newc.Actual != 2 || newc.Days != 92 {
		t.Errorf("new customers %+v", newc)
	}
	p, err := ParsePeriod("2026-11..2026-12", d.Today())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := d.Report(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.RevenueByMonth) != 2 || rep.RevenueByMonth[0].Minor != 9_000_00 || rep.RevenueByMonth[0].Target != nil ||
		rep.RevenueByMonth[1].Minor != 84_000_00 || rep.RevenueByMonth[1].Target == nil || *rep.RevenueByMonth[1].Target != 100_000_00 {
		t.Errorf("revenue by month %+v", rep.RevenueByMonth)
	}
	if len(rep.Goals) != 3 {
		t.Errorf("report goals %+v", rep.Goals)
	}
	main, ok, err := d.MainGoal(ctx)
	if err != nil || !ok || main.Measure != model.GoalRevenue {
		t.Errorf("main goal %+v %v %v", main, ok, err)
	}
	if _, err := d.RemoveGoal(ctx, model.GoalRevenue, dec); err != nil {
		t.Fatal(err)
	}
	if _, err := d.RemoveGoal(ctx, model.GoalRevenue, dec); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("removing twice: %v", err)
	}
	main, ok, _ = d.MainGoal(ctx)
	if !ok || main.Measure != model.GoalInteractions {
		t.Errorf("main goal after removing revenue: %+v %v", main, ok)
	}
	if _, err := d.SetGoal(ctx, model.Goal{Measure: model.GoalWon, Period: dec, Target: -3}); err == nil {
		t.Error("a negative target was accepted")
	}
	if _, err := d.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if gs, _ := d.Goals(ctx); len(gs) != 3 {
		t.Errorf("undo of the removal: %d goals", len(gs))
	}
	assertStatsExact(t, d, "after goals")
}
