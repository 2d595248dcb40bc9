package db

import (
	"context"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, whatever the machine has

	"github.com/rapportcrm/rapport/model"
)

// TestLocalDayRange: the day range the lapse pass reuses never covers a
// moment of another local day, in zones whose clocks change at midnight,
// by half an hour, or not at all.
func TestLocalDayRange(t *testing.T) {
	for _, name := range []string{"UTC", "Europe/Berlin", "America/Santiago", "America/Havana", "Asia/Tehran", "Australia/Lord_Howe", "Pacific/Apia"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
		whole := 0
		var from, to int64
		for at := start; at < start+3*366*86400; at += 1800 {
			if at >= from && at < to {
				if got := model.DayOfUnix(at, loc); got != model.DayOfUnix(from, loc) {
					t.Fatalf("%s: %d is on %s, the range from %d on %s", name, at, got, from, model.DayOfUnix(from, loc))
				}
				continue
			}
			var day model.Day
			day, from, to = localDayRange(at, loc)
			if at < from || at >= to || day != model.DayOfUnix(at, loc) || model.DayOfUnix(to-1, loc) != day {
				t.Fatalf("%s at %d: day %s range [%d, %d)", name, at, day, from, to)
			}
			if to-from > 1 {
				whole++
			}
		}
		if whole < 1000 {
			t.Fatalf("%s: only %d whole days reused", name, whole)
		}
	}
}

// TestLapseBookOddIDs: customers numbered far apart, or beyond what the
// pass packs into one column, are summarised as before.
func TestLapseBookOddIDs(t *testing.T) {
	d, clk := openTest(t)
	ctx := context.Background()
	a := mustCustomer(t, d, "A")
	b := mustCustomer(t, d, "B")
	orderHistory(t, d, clk, a, "", 10000, 300, 200, 200, 100, 10)
	orderHistory(t, d, clk, a, "EUR", 99999, 150)
	orderHistory(t, d, clk, b, "", 2500, 95, 40)
	today := model.DayOf(clk.t)
	read := func() *lapseBook {
		t.Helper()
		book, err := readLapseBook(ctx, d.r, today, clk.t.Location(), "USD", 90)
		if err != nil {
			t.Fatal(err)
		}
		return book
	}
	want := read()
	for _, id := range []int64{5_000_000, 1 << 62} {
		old := want.cust[1].id
		if err := remapCustomer(ctx, d, old, id); err != nil {
			t.Fatal(err)
		}
		got := read()
		if len(got.cust) != 2 || got.cust[0].id != a || got.cust[1].id != id {
			t.Fatalf("id %d: customers %+v", id, got.cust)
		}
		for k := range got.cust {
			if got.cust[k].cut != want.cust[k].cut {
				t.Fatalf("id %d: customer %d summarised %+v, want %+v", id, k, got.cust[k].cut, want.cust[k].cut)
			}
		}
		want = got
	}
}

// remapCustomer gives customer old the id new, with its orders and stats.
func remapCustomer(ctx context.Context, d *DB, old, new int64) error {
	tx, err := d.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = 1`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE customers SET id = ?2 WHERE id = ?1`, old, new); err != nil {
		return err
	}
	// Every table that names the customer (orders, stats, and what rules
	// and care dates made for it).
	rows, err := tx.QueryContext(ctx, `SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND c.name = 'customer_id' AND m.name NOT LIKE '%fts%' ORDER BY m.name = 'orders' DESC`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, n)
	}
	rows.Close()
	for _, table := range tables {
		if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET customer_id = ?2 WHERE customer_id = ?1`, old, new); err != nil {
			return err
		}
	}
	return tx.Commit()
}
