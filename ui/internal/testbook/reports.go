package testbook

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// ReportsFixture names what the Reports tests look for.
type ReportsFixture struct {
	Wang, Acme, Muller, Olivia, Lee int64
}

// Reports builds a small deterministic book for the Reports screen,
// with the clock at Now() (Monday 2026-11-23, UTC). Over the default
// 90 days (2026-08-26 … 2026-11-23):
//
//   - Deals: Volume 2027 (王芳) Lead 09-01 → Qualified 09-10 → Proposal
//     09-25 → Won 10-15 (44 days); Renewal (Acme) Lead 10-01 → Proposal
//     10-20, skipping Qualified, open; Pilot (Müller) Lead 09-05 → Lost
//     "Price" 10-01; Fleet (이민준) Lead 11-01 → Qualified 11-10, open,
//     closing 2026-12-15; Starter (Olivia) Lead 11-15, open. Funnel: Lead 5,
//     Qualified 3, Proposal 2, Negotiation 1 (the win skipped it), Won 1;
//     win rate 1 of 2.
//   - Orders: 王芳 09-15 and 11-02 (and 06-10, before), Acme 10-20, Olivia
//     11-10 in euros, Müller 03-01 (before): 1 of 3 buyers ordered again.
func Reports(t testing.TB) (*db.DB, ReportsFixture) {
	t.Helper()
	d, clk := Open(t)
	ctx := context.Background()
	on := func(m time.Month, day int) time.Time {
		clk.T = time.Date(2026, m, day, 10, 0, 0, 0, time.UTC)
		return clk.T
	}
	write := func(fn func(tx *db.Tx) error) {
		t.Helper()
		if err := d.Write(ctx, "test", fn); err != nil {
			t.Fatal(err)
		}
	}
	on(time.January, 5)
	if err := d.SetConfig(ctx, "currency", "USD"); err != nil {
		t.Fatal(err)
	}
	var f ReportsFixture
	for _, c := range []struct {
		id   *int64
		name string
		co   string
	}{{&f.Wang, "王芳", "北京远景科技"}, {&f.Acme, "Acme Ltd", "Acme"}, {&f.Muller, "Jürgen Müller", "Müller GmbH"}, {&f.Olivia, "Olivia Brown", "Brown & Daughters"}, {&f.Lee, "이민준", "Hanbit Co"}} {
		id, err := d.CreateCustomer(ctx, &model.Customer{Name: c.name, Company: c.co}, nil)
		if err != nil {
			t.Fatal(err)
		}
		*c.id = id
	}
	order := func(cid, minor int64, currency string, m time.Month, day int) {
		at := time.Date(2026, m, day, 12, 0, 0, 0, time.UTC).Unix()
		write(func(tx *db.Tx) error {
			_, err := tx.CreateOrder(&model.Order{CustomerID: cid, AmountMinor: minor, Currency: currency, OrderedAt: at})
			return err
		})
	}
	order(f.Muller, 800_00, "USD", time.March, 1)
	order(f.Wang, 9_000_00, "USD", time.June, 10)
	order(f.Wang, 4_000_00, "USD", time.September, 15)
	order(f.Acme, 1_200_00, "USD", time.October, 20)
	order(f.Wang, 2_500_00, "USD", time.November, 2)
	order(f.Olivia, 300_00, "EUR", time.November, 10)

	touch := func(cid int64, kind model.InteractionKind, at time.Time) {
		write(func(tx *db.Tx) error {
			_, err := tx.LogInteraction(&model.Interaction{CustomerID: cid, Kind: kind, Direction: model.Outbound, Outcome: model.OutcomeReplied, Score: -1, Summary: "touch", OccurredAt: at.Unix()})
			return err
		})
	}
	start := time.Date(2026, time.May, 4, 11, 0, 0, 0, time.UTC)
	for w := 0; w < 29; w++ {
		at := start.AddDate(0, 0, 7*w)
		if w%2 == 0 {
			touch(f.Wang, model.KindCall, at)
		}
		if w%3 == 0 {
			touch(f.Acme, model.KindEmail, at.Add(time.Hour))
		}
		if w < 18 && w%4 == 1 {
			touch(f.Muller, model.KindEmail, at)
		}
		if w > 20 {
			touch(f.Lee, model.KindMeeting, at)
		}
		if w%5 == 4 {
			touch(f.Olivia, model.KindCall, at)
		}
	}

	stages, err := d.Stages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stage := func(name string) int64 {
		s, err := db.FindStage(stages, name)
		if err != nil {
			t.Fatal(err)
		}
		return s.ID
	}
	// deal creates a deal in Lead on a date, then moves it: stage name (with
	// ":reason" for Lost), month, day, …
	deal := func(cid int64, title string, value int64, close model.Day, m time.Month, day int, moves ...any) {
		on(m, day)
		var id int64
		write(func(tx *db.Tx) (err error) {
			id, err = tx.CreateDeal(&model.Deal{CustomerID: cid, Title: title, ValueMinor: value, Currency: "USD", StageID: stage("Lead"), ExpectedClose: close})
			return
		})
		for i := 0; i < len(moves); i += 3 {
			to, reason, _ := strings.Cut(moves[i].(string), ":")
			on(moves[i+1].(time.Month), moves[i+2].(int))
			write(func(tx *db.Tx) error {
				_, err := tx.MoveDeal(id, stage(to), reason, false)
				return err
			})
		}
	}
	deal(f.Wang, "Volume 2027", 30_000_00, 0, time.September, 1, "Qualified", time.September, 10, "Proposal", time.September, 25, "Won", time.October, 15)
	deal(f.Acme, "Renewal", 12_000_00, 0, time.October, 1, "Proposal", time.October, 20)
	deal(f.Muller, "Pilot", 5_000_00, 0, time.September, 5, "Lost:Price", time.October, 1)
	deal(f.Lee, "Fleet", 20_000_00, model.DayFromYMD(2026, 12, 15), time.November, 1, "Qualified", time.November, 10)
	deal(f.Olivia, "Starter", 2_000_00, 0, time.November, 15)

	clk.T = Now()
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	return d, f
}
