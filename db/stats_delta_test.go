package db

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

// TestDeltaWriteInChunks: the chunked delta writer leaves exactly the rows
// a full rewrite gives, for the whole book and for a set of ids, whatever
// the stored rows held before: tampered columns, missing rows, a deal moved
// to a customer in another chunk, a customer deleted behind the store's
// back.
func TestDeltaWriteInChunks(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t)
	stages, err := d.Stages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := 0; i < 25; i++ {
		ids = append(ids, mustCustomer(t, d, fmt.Sprintf("C%02d", i)))
	}
	if err := d.Write(ctx, "book", func(tx *Tx) error {
		for i, id := range ids {
			if _, err := tx.LogInteraction(&model.Interaction{CustomerID: id, Summary: "call", OccurredAt: daysAgo(clk, 3+i*7)}); err != nil {
				return err
			}
			if _, err := tx.CreateOrder(&model.Order{CustomerID: id, AmountMinor: int64(1000 * (i + 1)), Currency: "USD", OrderedAt: daysAgo(clk, 10+i*11)}); err != nil {
				return err
			}
			if i%3 == 0 {
				if _, err := tx.CreateDeal(&model.Deal{CustomerID: id, Title: "Deal " + fmt.Sprint(i), StageID: stages[0].ID, Currency: "USD", Probability: -1}); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	snapshot := func() string {
		t.Helper()
		var b strings.Builder
		cols := strings.Replace(strings.Join(statsCols(), ", "), "risk_valid_until", "0", 1) // may stay earlier in a delta write
		for _, q := range []string{`SELECT ` + cols + ` FROM customer_stats ORDER BY customer_id`,
			`SELECT deal_id, customer_id, stage_since, rot_on FROM deal_stats ORDER BY deal_id`} {
			rows, err := d.w.QueryContext(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			names, _ := rows.Columns()
			for rows.Next() {
				vals := make([]any, len(names))
				ptrs := make([]any, len(names))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				fmt.Fprintln(&b, vals...)
			}
			rows.Close()
		}
		return b.String()
	}
	tamper := func() {
		t.Helper()
		for _, q := range []string{
			`UPDATE customer_stats SET risk_score = 77, open_deals = 9 WHERE customer_id % 4 = 1`,
			`DELETE FROM customer_stats WHERE customer_id % 5 = 2`,
			`UPDATE deal_stats SET stage_since = '2001-01-01'`,
			`UPDATE deals SET customer_id = (SELECT max(id) FROM customers) WHERE id = (SELECT min(id) FROM deals)`,
		} {
			if _, err := d.w.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
	}
	// run writes the stats of these customers (nil = all) the chunked way
	// with chunk size, or with a full rewrite, and returns the result.
	run := func(these []int64, size int) string {
		t.Helper()
		tx, err := d.w.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		set, err := loadSettings(ctx, tx)
		if err != nil {
			t.Fatal(err)
		}
		accs, order, err := gatherInputs(ctx, tx, these, clk.t.Location(), model.DayOf(clk.t), set.Currency)
		if err != nil {
			t.Fatal(err)
		}
		if size > 0 {
			err = writeStatsDeltaBy(ctx, tx, set, accs, order, these, clk.t, size)
		} else {
			err = writeStats(ctx, tx, set, accs, order, these, clk.t)
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		return snapshot()
	}
	tamper()
	want := run(ids, 0) // 25 ids: DELETE and INSERT every row
	for _, size := range []int{1, 3, 7, 100} {
		tamper()
		if got := run(nil, size); got != want {
			t.Fatalf("whole book in chunks of %d:\n%s\nwant\n%s", size, got, want)
		}
	}
	// A set of ids, unordered, with one that is gone.
	gone := ids[len(ids)-2]
	if _, err := d.w.ExecContext(ctx, `PRAGMA foreign_keys = 0`); err != nil {
		t.Fatal(err)
	}
	if _, err := d.w.ExecContext(ctx, `DELETE FROM customers WHERE id = ?`, gone); err != nil {
		t.Fatal(err)
	}
	if _, err := d.w.ExecContext(ctx, `PRAGMA foreign_keys = 1`); err != nil {
		t.Fatal(err)
	}
	some := []int64{ids[20], ids[3], gone, ids[0], ids[11], ids[24], ids[7]}
	tamper()
	want = run(some, 0)
	for _, size := range []int{1, 2, 5} {
		tamper()
		if got := run(some, size); got != want {
			t.Fatalf("ids in chunks of %d:\n%s\nwant\n%s", size, got, want)
		}
	}
}
