package db

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// orderHistory writes orders for customer id, n days ago each (amount in
// cents, book currency USD unless cur is given).
func orderHistory(t *testing.T, d *DB, clk *testClock, id int64, cur string, amount int64, ago ...int) {
	t.Helper()
	if cur == "" {
		cur = "USD"
	}
	err := d.Write(context.Background(), "orders", func(tx *Tx) error {
		for _, n := range ago {
			if _, err := tx.CreateOrder(&model.Order{CustomerID: id, AmountMinor: amount, Currency: cur, OrderedAt: daysAgo(clk, n)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestLapseBookSummaries: the one pass over the orders gives each
// customer's features and label at T − 2H, T − H and T, leaving out
// archived customers and orders, orders after today, and other currencies
// from the value.
func TestLapseBookSummaries(t *testing.T) {
	d, clk := openTest(t)
	ctx := context.Background()
	if err := d.SetConfig(ctx, "currency", "USD"); err != nil {
		t.Fatal(err)
	}
	a := mustCustomer(t, d, "A")
	b := mustCustomer(t, d, "B")
	gone := mustCustomer(t, d, "Gone")
	orderHistory(t, d, clk, a, "", 10000, 400, 200, 200, 100, 10)
	orderHistory(t, d, clk, a, "EUR", 99999, 150)
	orderHistory(t, d, clk, a, "", 5000, -3) // later-dated: not counted today
	orderHistory(t, d, clk, b, "", 0, 95)
	orderHistory(t, d, clk, gone, "", 100, 5)
	if err := d.SetArchived(ctx, "customer", gone, true); err != nil {
		t.Fatal(err)
	}
	today := model.DayOf(clk.t)
	book, err := readLapseBook(ctx, d.r, today, clk.t.Location(), "USD", 90)
	if err != nil {
		t.Fatal(err)
	}
	if len(book.cust) != 2 || book.cust[0].id != a || book.cust[1].id != b {
		t.Fatalf("customers %+v", book.cust)
	}
	ca, cb := book.cust[0].cut, book.cust[1].cut
	// A at T: last order 10 d ago; order-days in the year 200, 150, 100, 10
	// (two on one day count once; 400 is out); value from the USD ones.
	if got := ca[cutNow]; got.last != today-10 || got.orderDays != 4 || got.bookOrders != 5 || got.bookMinor != 50000 || got.after {
		t.Fatalf("A at T: %+v", got)
	}
	// A at T − H (90 d ago): last order 100 d ago = 10 d before the cut;
	// ordered again 10 d ago, within (T − H, T].
	if got := ca[cutTrain]; got.last != today-100 || got.orderDays != 4 || !got.after {
		t.Fatalf("A at T − H: %+v", got)
	}
	// A at T − 2H (180 d ago): orders 400, 200, 200; next one at 150 (EUR counts as an order).
	if got := ca[cutCheck]; got.last != today-200 || got.orderDays != 2 || got.bookOrders != 3 || !got.after {
		t.Fatalf("A at T − 2H: %+v", got)
	}
	// B: one order 95 d ago (5 d before T − H), none since: lapsed; it had
	// no order by T − 2H, so it is not in that training set.
	if got := cb[cutTrain]; got.last != today-95 || got.after {
		t.Fatalf("B at T − H: %+v", got)
	}
	if ex := book.examples(cutTrain); len(ex) != 2 || ex[0].Lapsed || !ex[1].Lapsed {
		t.Fatalf("training set %+v", ex)
	}
	if ex := book.examples(cutCheck); len(ex) != 1 || ex[0].Lapsed {
		t.Fatalf("check training set %+v", ex)
	}
	if got := cb[cutNow]; got.last != today-95 || got.bookOrders != 1 || got.bookMinor != 0 {
		t.Fatalf("B at T: %+v", got)
	}
}

// lapseTestBook writes n customers ordering on their own rhythm (every 8 to
// 150 days), a third of them stopping at some point.
func lapseTestBook(t *testing.T, d *DB, clk *testClock, n int) {
	t.Helper()
	err := d.Write(context.Background(), "book", func(tx *Tx) error {
		for i := 0; i < n; i++ {
			id, err := tx.CreateCustomer(&model.Customer{Name: fmt.Sprintf("C%03d", i)})
			if err != nil {
				return err
			}
			gap, stop := 8+(i*37)%143, 0
			if i%3 == 0 {
				stop = 20 + (i*53)%300
			}
			for ago := 500 - i%11; ago > stop; ago -= gap {
				if _, err := tx.CreateOrder(&model.Order{CustomerID: id, AmountMinor: int64(500 + (i*7919)%60000), Currency: "USD", OrderedAt: daysAgo(clk, ago)}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestLapseRefitSchedule: the fit is made when none exists, kept through
// the month, redone on the first refresh of the next month, on a new
// horizon and on RefitRisk; RefitDue says so beforehand.
func TestLapseRefitSchedule(t *testing.T) {
	d, clk := openTest(t)
	ctx := context.Background()
	lapseTestBook(t, d, clk, 60)
	step := func(when time.Time, wantRefit bool) Settings {
		t.Helper()
		clk.t = when
		due, err := d.RefitDue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		res, err := d.Refresh(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if due != wantRefit || res.Refit != wantRefit {
			t.Fatalf("%s: RefitDue %v, Refresh refit %v, want %v", when.Format("2006-01-02"), due, res.Refit, wantRefit)
		}
		if wantRefit && res.Recomputed != 60 {
			t.Fatalf("a refit re-scored %d of 60 customers", res.Recomputed)
		}
		set, err := d.Settings(ctx)
		if err != nil || set.Lapse == nil {
			t.Fatalf("no fit stored: %v", err)
		}
		// A refit re-scores the short way: what it wrote is what a full
		// recompute with the new fit gives.
		if rep, err := d.Check(ctx); err != nil || len(rep.StatsDiffs) > 0 {
			t.Fatalf("%s: check %v: %v", when.Format("2006-01-02"), err, rep.StatsDiffs)
		}
		return set
	}
	start := clk.t // 2026-11-23
	set := step(start, true)
	if set.Lapse.Fit.On != model.DayOf(start) || set.Lapse.Fit.N != 60 || set.Lapse.Horizon != 90 || set.Lapse.Fit.B == model.LapsePrior() {
		t.Fatalf("fit %+v", set.Lapse)
	}
	step(start, false)
	step(start.AddDate(0, 0, 1), false)
	step(time.Date(2026, 11, 30, 23, 0, 0, 0, time.Local), false)
	set = step(time.Date(2026, 12, 1, 8, 0, 0, 0, time.Local), true)
	if set.Lapse.Fit.On != model.DayFromYMD(2026, 12, 1) {
		t.Fatalf("December fit dated %v", set.Lapse.Fit.On)
	}
	step(time.Date(2026, 12, 2, 8, 0, 0, 0, time.Local), false)
	if err := d.SetConfig(ctx, "risk.horizon", "60"); err != nil {
		t.Fatal(err)
	}
	if set = step(clk.t, true); set.Lapse.Horizon != 60 {
		t.Fatalf("horizon %d", set.Lapse.Horizon)
	}
	// A new book currency refits (order values are read in it).
	if err := d.SetConfig(ctx, "currency", "EUR"); err != nil {
		t.Fatal(err)
	}
	if set = step(clk.t, true); set.Lapse.Currency != "EUR" {
		t.Fatalf("currency %q", set.Lapse.Currency)
	}
	// A stored fit that does not parse is made again.
	if _, err := d.w.ExecContext(ctx, `UPDATE settings SET value = '{"on": "yesterday"' WHERE key = ?`, lapseFitKey); err != nil {
		t.Fatal(err)
	}
	step(clk.t, true)
	// A row whose stored person-caused reasons were edited into bad JSON
	// goes the long way and comes out whole.
	if _, err := d.w.ExecContext(ctx, `UPDATE customer_stats SET person_reasons = '[{"code":]', risk_valid_until = '2000-01-01' WHERE customer_id = 1`); err != nil {
		t.Fatal(err)
	}
	step(clk.t, false)
	var reasons string
	if err := d.r.QueryRowContext(ctx, `SELECT risk_reasons FROM customer_stats WHERE customer_id = 1`).Scan(&reasons); err != nil || !json.Valid([]byte(reasons)) {
		t.Fatalf("reasons after a bad person_reasons: %q %v", reasons, err)
	}
	m, err := d.RefitRisk(ctx)
	if err != nil || m.Fit.N != 60 || !m.Check.Shown || m.Check.Customers != 60 {
		t.Fatalf("RefitRisk: %+v %v", m, err)
	}
}

// TestLapseRefreshWritesOnlyWhatChanges: on a day that is not a refit day,
// Refresh writes only rows that were due, and for customers with nothing
// but orders every due row's lapse points changed (the closed-form next
// day is exact).
func TestLapseRefreshWritesOnlyWhatChanges(t *testing.T) {
	d, clk := openTest(t)
	ctx := context.Background()
	// Rule-made follow-ups are changes of their own; this test counts
	// only what the calendar moves.
	switchOffPlaybooks(t, d)
	lapseTestBook(t, d, clk, 300)
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := d.w.ExecContext(ctx, `CREATE TABLE test_updates (customer_id INTEGER, before TEXT, after TEXT);
		CREATE TRIGGER test_stats_updates AFTER UPDATE OF risk_score, risk_level, risk_reasons, risk_valid_until ON customer_stats BEGIN
			INSERT INTO test_updates VALUES (new.customer_id, old.risk_level || old.risk_reasons, new.risk_level || new.risk_reasons); END;`); err != nil {
		t.Fatal(err)
	}
	total, rescored := 0, 0
	for day := 1; day <= 6; day++ {
		clk.t = time.Date(2026, 11, 23+day, 9, 0, 0, 0, time.Local)
		var due int
		if err := d.r.QueryRowContext(ctx, `SELECT count(*) FROM customer_stats WHERE risk_valid_until <= ?`, model.DayOf(clk.t).String()).Scan(&due); err != nil {
			t.Fatal(err)
		}
		res, err := d.Refresh(ctx)
		if err != nil || res.Refit {
			t.Fatalf("day %d: %+v %v", day, res, err)
		}
		var written int
		if err := d.r.QueryRowContext(ctx, `SELECT count(DISTINCT customer_id) FROM test_updates`).Scan(&written); err != nil {
			t.Fatal(err)
		}
		if written > due {
			t.Fatalf("day %d: %d rows written, %d were due", day, written, due)
		}
		// A row rewritten with the same reasons must have had a reason to
		// be looked at: an order of its left the 365-day window today.
		same, err := queryIDs(ctx, d.r, `SELECT customer_id FROM test_updates WHERE before = after`)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range same {
			var left bool
			from, to := model.DayOf(clk.t).AddDays(-365).In(time.Local).Unix(), model.DayOf(clk.t).AddDays(-364).In(time.Local).Unix()
			if err := d.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM orders WHERE customer_id = ? AND ordered_at >= ? AND ordered_at < ?)`, id, from, to).Scan(&left); err != nil {
				t.Fatal(err)
			}
			if !left {
				t.Fatalf("day %d: customer %d rewritten with the same reasons and no order leaving the year", day, id)
			}
		}
		total += written
		rescored += res.Rescored
		// What the short way wrote is what a full recompute gives.
		rep, err := d.Check(ctx)
		if err != nil || len(rep.StatsDiffs) > 0 {
			t.Fatalf("day %d: check %v: %v", day, err, rep.StatsDiffs)
		}
		if _, err := d.w.ExecContext(ctx, `DELETE FROM test_updates`); err != nil {
			t.Fatal(err)
		}
	}
	if total == 0 || rescored == 0 {
		t.Fatalf("six days: %d rows rewritten, %d of them the short way", total, rescored)
	}
	t.Logf("rows rewritten over six days: %d of 300, %d the short way", total, rescored)
}

// TestLapseDegenerateBooks: books the fit cannot learn much from still
// score every customer within 0–100 with finite stored weights.
func TestLapseDegenerateBooks(t *testing.T) {
	tests := []struct {
		name  string
		build func(t *testing.T, d *DB, clk *testClock)
	}{
		{"empty", func(t *testing.T, d *DB, clk *testClock) {}},
		{"one customer", func(t *testing.T, d *DB, clk *testClock) {
			orderHistory(t, d, clk, mustCustomer(t, d, "Solo"), "", 1000, 200, 100, 5)
		}},
		{"no amounts", func(t *testing.T, d *DB, clk *testClock) {
			for i := 0; i < 40; i++ {
				orderHistory(t, d, clk, mustCustomer(t, d, fmt.Sprint("N", i)), "", 0, 300-i*5, 150-i*3)
			}
		}},
		{"all churned", func(t *testing.T, d *DB, clk *testClock) {
			for i := 0; i < 40; i++ {
				orderHistory(t, d, clk, mustCustomer(t, d, fmt.Sprint("L", i)), "", int64(100*i+1), 400-i, 300-i)
			}
		}},
		{"none churned", func(t *testing.T, d *DB, clk *testClock) {
			for i := 0; i < 40; i++ {
				orderHistory(t, d, clk, mustCustomer(t, d, fmt.Sprint("K", i)), "", int64(100*i+1), 200, 150, 100, 50, 20+i%10)
			}
		}},
		{"identical customers", func(t *testing.T, d *DB, clk *testClock) {
			for i := 0; i < 40; i++ {
				orderHistory(t, d, clk, mustCustomer(t, d, fmt.Sprint("I", i)), "", 5000, 150, 60)
			}
		}},
		{"other currency only", func(t *testing.T, d *DB, clk *testClock) {
			for i := 0; i < 30; i++ {
				orderHistory(t, d, clk, mustCustomer(t, d, fmt.Sprint("E", i)), "EUR", 5000, 100+i, 20+i)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, clk := openTest(t)
			ctx := context.Background()
			if err := d.SetConfig(ctx, "currency", "USD"); err != nil {
				t.Fatal(err)
			}
			tt.build(t, d, clk)
			if _, err := d.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
			var raw string
			if err := d.r.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, lapseFitKey).Scan(&raw); err != nil {
				t.Fatal(err)
			}
			var s storedFit
			if err := json.Unmarshal([]byte(raw), &s); err != nil {
				t.Fatalf("stored fit %q: %v", raw, err)
			}
			for _, x := range append(s.B[:], s.ValueBase, s.Median[0], s.Median[1], s.Median[2], s.Check.AUC, s.Check.RecencyAUC) {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("stored fit %s", raw)
				}
			}
			var bad int
			if err := d.r.QueryRowContext(ctx, `SELECT count(*) FROM customer_stats WHERE risk_score < 0 OR risk_score > 100 OR NOT json_valid(risk_reasons)`).Scan(&bad); err != nil || bad > 0 {
				t.Fatalf("%d rows out of range (%v)", bad, err)
			}
		})
	}
}
