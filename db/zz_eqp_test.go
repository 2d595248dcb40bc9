package db

import (
	"context"
	"testing"
	"time"
)

func TestScratchConcat(t *testing.T) {
	path := benchBook(t)
	ctx := context.Background()
	d, err := Open(ctx, path, Options{Now: benchNow, MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	now := benchNow()
	from, to := now.AddDate(0, 0, -205).Unix(), now.Unix()
	for range 3 {
		t0, c0 := time.Now(), cpuNow()
		var a, b string
		if err := d.r.QueryRowContext(ctx, `SELECT group_concat(customer_id), group_concat((occurred_at - ?1) * 32 + `+kindCodeSQL()+`) FROM interactions NOT INDEXED WHERE occurred_at >= ?1 AND occurred_at < ?2 AND archived_at IS NULL`, from, to).Scan(&a, &b); err != nil {
			t.Fatal(err)
		}
		t.Logf("concat %d+%d bytes wall %v cpu %v", len(a), len(b), time.Since(t0), cpuNow()-c0)
		t0, c0 = time.Now(), cpuNow()
		var n int64
		if err := d.r.QueryRowContext(ctx, `SELECT count(*) FROM interactions NOT INDEXED WHERE occurred_at >= ?1 AND occurred_at < ?2 AND archived_at IS NULL AND `+kindCodeSQL()+` >= 0`, from, to).Scan(&n); err != nil {
			t.Fatal(err)
		}
		t.Logf("count %d wall %v cpu %v", n, time.Since(t0), cpuNow()-c0)
		t0, c0 = time.Now(), cpuNow()
		rows, _ := d.r.QueryContext(ctx, `SELECT customer_id, (occurred_at - ?1) * 32 + `+kindCodeSQL()+` FROM interactions NOT INDEXED WHERE occurred_at >= ?1 AND occurred_at < ?2 AND archived_at IS NULL`, from, to)
		var x, y int64
		for rows.Next() {
			rows.Scan(&x, &y)
		}
		rows.Close()
		t.Logf("rows wall %v cpu %v", time.Since(t0), cpuNow()-c0)
	}
}
