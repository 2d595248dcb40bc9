package demo

import (
	"context"
	"github.com/rapportcrm/rapport/db"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestDebugMix(t *testing.T) {
	d, _ := build(t, filepath.Join(t.TempDir(), "demo.db"), 2000, 2)
	rows, _ := d.Reader().Query(`SELECT (SELECT group_concat(json_extract(value,'$.code')||json_extract(value,'$.points'), ' ') FROM json_each(risk_reasons)), count(*) FROM customer_stats WHERE risk_level='at_risk' GROUP BY 1 ORDER BY 2 DESC LIMIT 25`)
	for rows.Next() {
		var s string
		var n int
		rows.Scan(&s, &n)
		t.Logf("%4d %s", n, s)
	}
	rows.Close()
	rows, _ = d.Reader().Query(`SELECT risk_level, count(*) FROM customer_stats WHERE active=1 GROUP BY 1`)
	for rows.Next() {
		var s string
		var n int
		rows.Scan(&s, &n)
		t.Logf("%4d %s", n, s)
	}
	rows.Close()
}

func TestDebugSilence(t *testing.T) {
	d, _ := build(t, filepath.Join(t.TempDir(), "demo.db"), 2000, 2)
	rows, _ := d.Reader().Query(`SELECT c.lifecycle, date(c.created_at,'unixepoch'), s.last_contact_day, s.order_count, (SELECT count(*) FROM interactions i WHERE i.customer_id=c.id), s.risk_reasons FROM customer_stats s JOIN customers c ON c.id=s.customer_id WHERE risk_level='at_risk' AND risk_reasons LIKE '%silence%50%' LIMIT 60`)
	for rows.Next() {
		var a, b, c, f string
		var n, m int
		rows.Scan(&a, &b, &c, &n, &m, &f)
		t.Logf("%s %s %s orders %d ix %d", a, b, c, n, m)
	}
	rows.Close()
}

func TestDebugStory(t *testing.T) {
	d, _ := build(t, filepath.Join(t.TempDir(), "demo.db"), 2000, 2)
	rows, _ := d.Reader().Query(`SELECT c.notes, count(*), sum(risk_level='at_risk'), sum(risk_level='watch'), sum(risk_reasons LIKE '%silence%50%') FROM customer_stats s JOIN customers c ON c.id=s.customer_id GROUP BY 1`)
	for rows.Next() {
		var a string
		var n, m, w, k int
		rows.Scan(&a, &n, &m, &w, &k)
		t.Logf("%s n %d at risk %d watch %d silence50 %d", a, n, m, w, k)
	}
	rows.Close()
}

func TestDebugScale(t *testing.T) {
	n := 20000
	if testing.Short() {
		t.Skip()
	}
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "demo.db")
	d, err := db.Open(ctx, p, db.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	st, err := Generate(ctx, d, Options{Customers: n, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := func(r syscall.Rusage) float64 {
		return float64(r.Utime.Sec+r.Stime.Sec) + float64(r.Utime.Usec+r.Stime.Usec)/1e6
	}
	t.Logf("%+v cpu %.1fs maxrss %d MB", st, cpu(ru1)-cpu(ru0), ru1.Maxrss/1024)
	var ts, tu time.Time
	ts = time.Now()
	_, err = d.Reader().ExecContext(ctx, "SELECT 1")
	tu = time.Now()
	_ = ts
	_ = tu
	t0 := time.Now()
	if err := d.Write(ctx, "", func(tx *db.Tx) error {
		_, err := tx.Q().ExecContext(ctx, "INSERT INTO interactions_fts (interactions_fts) VALUES ('rebuild')")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	t1 := time.Now()
	if err := d.Write(ctx, "", func(tx *db.Tx) error {
		_, err := tx.Q().ExecContext(ctx, "INSERT INTO customers_fts (customers_fts) VALUES ('rebuild')")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	t2 := time.Now()
	if err := d.RecomputeAll(ctx); err != nil {
		t.Fatal(err)
	}
	t3 := time.Now()
	t.Logf("interactions fts rebuild %v, customers fts rebuild %v, recompute all %v", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2))
}

func TestDebugPragma(t *testing.T) {
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(t.TempDir(), "x.db"), db.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	d.Write(ctx, "", func(tx *db.Tx) error {
		var a, b int
		tx.Q().QueryRowContext(ctx, "PRAGMA temp_store").Scan(&a)
		_, err := tx.Q().ExecContext(ctx, "PRAGMA temp_store = MEMORY")
		tx.Q().QueryRowContext(ctx, "PRAGMA temp_store").Scan(&b)
		t.Logf("temp_store %d -> %d err %v", a, b, err)
		return nil
	})
}
