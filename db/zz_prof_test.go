package db

import (
	"context"
	"os"
	"testing"
	"time"
)

func TestZZProfRefresh(t *testing.T) {
	path := os.Getenv("PROF_DB")
	if path == "" {
		t.Skip()
	}
	ctx := context.Background()
	day := time.Date(2026, 11, 26, 9, 0, 0, 0, time.Local)
	d, err := Open(ctx, path, Options{Now: func() time.Time { return day }})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	t0 := time.Now()
	g, err := computeRhythm(ctx, d.r)
	t.Logf("rhythm %d in %v", g, time.Since(t0))
	t0 = time.Now()
	ch, err := applyTiers(ctx, d.r, day, "USD", true, nil)
	t.Logf("tiers: %d changes in %v (%v)", len(ch), time.Since(t0), err)
	ids, _ := queryIDs(ctx, d.r, `SELECT customer_id FROM customer_stats WHERE risk_valid_until <= ?`, "2026-11-26")
	t.Logf("expired: %d", len(ids))
	tx, _ := d.w.BeginTx(ctx, nil)
	defer tx.Rollback()
	t0 = time.Now()
	if err := d.recomputeStats(ctx, tx, ids, day); err != nil {
		t.Fatal(err)
	}
	t.Logf("recompute expired in %v", time.Since(t0))
	t0 = time.Now()
	if err := d.recomputeStats(ctx, tx, nil, day); err != nil {
		t.Fatal(err)
	}
	t.Logf("recompute all in %v", time.Since(t0))
}

func TestZZProfGather(t *testing.T) {
	path := os.Getenv("PROF_DB")
	if path == "" {
		t.Skip()
	}
	ctx := context.Background()
	day := time.Date(2026, 11, 26, 9, 0, 0, 0, time.Local)
	d, err := Open(ctx, path, Options{Now: func() time.Time { return day }})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ids, _ := queryIDs(ctx, d.r, `SELECT customer_id FROM customer_stats WHERE risk_valid_until <= ?`, "2026-11-26")
	t0 := time.Now()
	gatherInputs(ctx, d.r, ids, time.Local, 0, "USD")
	t.Logf("gather expired %d in %v", len(ids), time.Since(t0))
	t0 = time.Now()
	gatherInputs(ctx, d.r, nil, time.Local, 0, "USD")
	t.Logf("gather all in %v", time.Since(t0))
	t0 = time.Now()
	rows, _ := d.r.Query(`SELECT customer_id, occurred_at FROM interactions NOT INDEXED WHERE occurred_at >= 1760000000`)
	n := 0
	for rows.Next() {
		var a, b int64
		rows.Scan(&a, &b)
		n++
	}
	rows.Close()
	t.Logf("full scan %d in %v", n, time.Since(t0))
	t0 = time.Now()
	rows, _ = d.r.Query(`SELECT customer_id, sum(amount_minor) FROM orders NOT INDEXED WHERE ordered_at >= 1760000000 GROUP BY customer_id`)
	n = 0
	for rows.Next() {
		n++
	}
	rows.Close()
	t.Logf("orders agg %d in %v", n, time.Since(t0))
}

func TestZZProfDays(t *testing.T) {
	path := os.Getenv("PROF_DB")
	if path == "" {
		t.Skip()
	}
	ctx := context.Background()
	for i := 0; i < 4; i++ {
		day := time.Date(2026, 11, 27+i, 9, 0, 0, 0, time.Local)
		d, err := Open(ctx, path, Options{Now: func() time.Time { return day }})
		if err != nil {
			t.Fatal(err)
		}
		t0 := time.Now()
		res, err := d.Refresh(ctx)
		t.Logf("%s: %+v in %v (%v)", day.Format("01-02"), res, time.Since(t0), err)
		d.Close()
	}
}
