package db

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// TestStatsStayExactUnderRandomWrites runs a long random sequence of
// commands — logging, date edits, follow-ups, orders, deals, archive,
// restore, undo, redo, purge — and checks after each batch that the
// maintained stats and materialised risk equal a full recompute, and that
// a Refresh on later days equals a recompute on those days.
func TestStatsStayExactUnderRandomWrites(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t)
	rng := rand.New(rand.NewSource(7))
	var customers []int64
	for i := 0; i < 8; i++ {
		customers = append(customers, mustCustomer(t, d, fmt.Sprintf("Customer %d", i)))
	}
	stages, _ := d.Stages(ctx)
	pick := func() int64 { return customers[rng.Intn(len(customers))] }
	kinds := model.InteractionKinds()
	dirs := model.Directions()
	outs := model.Outcomes()
	ids := func(table string) []int64 {
		got, err := queryIDs(ctx, d.r, "SELECT id FROM "+table+" WHERE archived_at IS NULL")
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	anyOf := func(xs []int64) (int64, bool) {
		if len(xs) == 0 {
			return 0, false
		}
		return xs[rng.Intn(len(xs))], true
	}
	ignore := func(err error) error {
		var ve *model.ValidationError
		if err == nil || errors.As(err, &ve) || errors.Is(err, model.ErrConflict) || errors.Is(err, model.ErrNotFound) ||
			errors.Is(err, ErrNothingToUndo) || errors.Is(err, ErrNothingToRedo) {
			return nil
		}
		return err
	}
	for step := 0; step < 400; step++ {
		var err error
		switch op := rng.Intn(14); op {
		case 0, 1, 2:
			err = d.Write(ctx, "log", func(tx *Tx) error {
				k := kinds[rng.Intn(len(kinds))]
				i := model.Interaction{CustomerID: pick(), Kind: k, Direction: dirs[rng.Intn(len(dirs))], Outcome: outs[rng.Intn(len(outs))],
					Summary: "touch", OccurredAt: daysAgo(clk, rng.Intn(400))}
				if k == model.KindFeedback {
					i.Score = rng.Intn(11)
				} else {
					i.Score = -1
				}
				_, err := tx.LogInteraction(&i)
				return err
			})
		case 3:
			if id, ok := anyOf(ids("interactions")); ok {
				i, _ := d.Interaction(ctx, id)
				i.OccurredAt = daysAgo(clk, rng.Intn(400))
				err = d.Write(ctx, "edit", func(tx *Tx) error { return tx.UpdateInteraction(&i) })
			}
		case 4:
			err = d.Write(ctx, "follow", func(tx *Tx) error {
				_, err := tx.CreateFollowup(&model.Followup{CustomerID: pick(), Title: "call back", Due: d.Today().AddDays(rng.Intn(40) - 20)})
				return err
			})
		case 5:
			if id, ok := anyOf(ids("followups")); ok {
				_, err = d.CompleteFollowup(ctx, id)
			}
		case 6:
			err = d.Write(ctx, "order", func(tx *Tx) error {
				_, err := tx.CreateOrder(&model.Order{CustomerID: pick(), AmountMinor: int64(rng.Intn(100000)), Currency: "USD", OrderedAt: daysAgo(clk, rng.Intn(500))})
				return err
			})
		case 7:
			err = d.Write(ctx, "deal", func(tx *Tx) error {
				_, err := tx.CreateDeal(&model.Deal{CustomerID: pick(), Title: "Deal", ValueMinor: int64(rng.Intn(100000))})
				return err
			})
		case 8:
			if id, ok := anyOf(ids("deals")); ok {
				s := stages[rng.Intn(len(stages))]
				_, err = d.MoveDeal(ctx, id, s.ID, "too expensive", rng.Intn(2) == 0)
			}
		case 9:
			if id, ok := anyOf(ids("interactions")); ok {
				err = d.SetArchived(ctx, "interaction", id, true)
			}
		case 10:
			id := pick()
			c, _ := d.Customer(ctx, id)
			err = d.SetArchived(ctx, "customer", id, c.ArchivedAt == 0)
		case 11, 12:
			_, err = d.Undo(ctx)
		case 13:
			_, err = d.Redo(ctx)
		}
		if err := ignore(err); err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		if step%50 == 49 {
			assertStatsExact(t, d, fmt.Sprintf("after step %d", step))
		}
	}
	// Later days: a Refresh must equal a recompute on that day.
	for _, days := range []int{1, 7, 30, 61, 200} {
		clk.t = clk.t.AddDate(0, 0, days)
		if _, err := d.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		assertStatsExact(t, d, fmt.Sprintf("refresh +%d d", days))
	}
	// Purge drops archived rows for good; stats stay exact.
	if _, err := d.Purge(ctx, clk.t.AddDate(0, 0, 1)); err != nil {
		t.Fatal(err)
	}
	assertStatsExact(t, d, "after purge")
}

func assertStatsExact(t *testing.T, d *DB, when string) {
	t.Helper()
	rep, err := d.Check(context.Background())
	if err != nil {
		t.Fatalf("%s: check: %v", when, err)
	}
	if !rep.OK() {
		t.Fatalf("%s: stats differ from a recompute: %+v", when, rep)
	}
}

// TestCheckDetectsTamperedStats makes sure the comparison above can fail:
// a row edited by hand behind the store's back is reported.
func TestCheckDetectsTamperedStats(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t)
	id := mustCustomer(t, d, "Acme")
	if err := d.Write(ctx, "log", func(tx *Tx) error {
		_, err := tx.LogInteraction(&model.Interaction{CustomerID: id, Summary: "hi", OccurredAt: daysAgo(clk, 3)})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	assertStatsExact(t, d, "before tampering")
	for _, q := range []string{
		`UPDATE customer_stats SET risk_score = 99`,
		`UPDATE customer_stats SET last_contact_at = 1`,
		`UPDATE interactions SET occurred_at = occurred_at - 86400*90`,
	} {
		if _, err := d.w.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
		rep, err := d.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if rep.OK() {
			t.Fatalf("%s: check did not notice", q)
		}
		if err := d.RecomputeAll(ctx); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCheckOnALaterDay opens a book whose stats were last refreshed days
// ago (a follow-up has become overdue since, a contact has aged): check
// refreshes first, as `rapport check` does, and finds nothing wrong.
func TestCheckOnALaterDay(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t)
	id := mustCustomer(t, d, "Acme")
	if err := d.Write(ctx, "log", func(tx *Tx) error {
		if _, err := tx.LogInteraction(&model.Interaction{CustomerID: id, Summary: "hi", OccurredAt: daysAgo(clk, 3)}); err != nil {
			return err
		}
		_, err := tx.CreateFollowup(&model.Followup{CustomerID: id, Title: "call back", Due: model.DayOf(clk.t).AddDays(1)})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	assertStatsExact(t, d, "on the day")
	for _, days := range []int{1, 2, 40, 400} {
		clk.t = time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local).AddDate(0, 0, days)
		assertStatsExact(t, d, fmt.Sprintf("%d days later", days))
	}
}
