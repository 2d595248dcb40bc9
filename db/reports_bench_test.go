package db

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Size of the synthetic book BenchmarkReport runs on (SPEC §7's reference
// data: 100k customers, about 1M interactions).
const (
	benchCustomers    = 100_000
	benchInteractions = 1_000_000
	benchOrders       = 300_000
	benchDeals        = 30_000
)

// benchNow is the synthetic book's clock.
func benchNow() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local) }

// BenchmarkReport measures Report on a 100k-customer, 1M-interaction,
// 300k-order book with the default period (90d) and with 365d.
func BenchmarkReport(b *testing.B) {
	path := benchBook(b)
	ctx := context.Background()
	d, err := Open(ctx, path, Options{Now: benchNow, MustExist: true})
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	today := d.Today()
	for _, spec := range []string{"90d", "365d"} {
		p, err := ParsePeriod(spec, today)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(spec, func(b *testing.B) {
			for b.Loop() {
				if _, err := d.Report(ctx, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchBook returns the path of the synthetic book, building it once and
// caching it in os.TempDir() (the build takes a while; the file is reused
// by later runs).
func benchBook(b testing.TB) string {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("rapport-report-bench-%d-%d.db", benchCustomers, benchInteractions))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + fmt.Sprintf(".%d.tmp", os.Getpid())
	os.Remove(tmp)
	if err := buildBenchBook(tmp); err != nil {
		os.Remove(tmp)
		b.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// buildBenchBook writes the synthetic book with raw inserts in one
// transaction (the full-text triggers are off while it loads; the report
// never searches).
func buildBenchBook(path string) error {
	ctx := context.Background()
	now := benchNow()
	d, err := Open(ctx, path, Options{Now: benchNow})
	if err != nil {
		return err
	}
	defer d.Close()
	tx, err := d.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, trig := range []string{"customers_fts_ai", "interactions_fts_ai"} {
		if _, err := tx.ExecContext(ctx, "DROP TRIGGER "+trig); err != nil {
			return err
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	end := now.Unix()
	start := now.AddDate(0, 0, -540).Unix()
	at := func() int64 { return start + rng.Int64N(end-start) }
	ins := func(table, cols string, n int, row func(i int) []any) error {
		ncol := len(strings.Split(cols, ","))
		one := "(" + strings.TrimSuffix(strings.Repeat("?,", ncol), ",") + ")"
		const batch = 100
		stmt, err := tx.PrepareContext(ctx, "INSERT INTO "+table+" ("+cols+") VALUES "+strings.TrimSuffix(strings.Repeat(one+",", batch), ","))
		if err != nil {
			return err
		}
		defer stmt.Close()
		args := make([]any, 0, batch*ncol)
		for i := 0; i < n; i++ {
			args = append(args, row(i)...)
			if len(args) == batch*ncol {
				if _, err := stmt.ExecContext(ctx, args...); err != nil {
					return err
				}
				args = args[:0]
			}
		}
		for len(args) > 0 {
			if _, err := tx.ExecContext(ctx, "INSERT INTO "+table+" ("+cols+") VALUES "+one, args[:ncol]...); err != nil {
				return err
			}
			args = args[ncol:]
		}
		return nil
	}
	tiers := []string{"A", "B", "C", "C", "C"}
	if err := ins("customers", "id, name, tier, created_at, updated_at", benchCustomers, func(i int) []any {
		c := start - rng.Int64N(86400*60)
		return []any{i + 1, fmt.Sprintf("Customer %d", i+1), tiers[rng.IntN(len(tiers))], c, c}
	}); err != nil {
		return err
	}
	kinds := []string{"call", "email", "email", "meeting", "message", "visit", "note", "complaint", "feedback"}
	dirs := []string{"outbound", "outbound", "inbound", "internal"}
	if err := ins("interactions", "customer_id, kind, direction, summary, occurred_at, created_at, updated_at", benchInteractions, func(i int) []any {
		t := at()
		k := kinds[rng.IntN(len(kinds))]
		dir := dirs[rng.IntN(len(dirs))]
		if k == "note" {
			dir = "internal"
		}
		return []any{1 + rng.IntN(benchCustomers), k, dir, "Talked about the next order", t, t, t}
	}); err != nil {
		return err
	}
	if err := ins("orders", "customer_id, amount_minor, currency, ordered_at, created_at, updated_at", benchOrders, func(i int) []any {
		t := at()
		cur := "USD"
		if rng.IntN(10) == 0 {
			cur = "EUR"
		}
		// Skewed: a fifth of the customers place most orders.
		cid := 1 + rng.IntN(benchCustomers)
		if rng.IntN(3) > 0 {
			cid = 1 + rng.IntN(benchCustomers/5)
		}
		return []any{cid, 1000 + rng.Int64N(500_000), cur, t, t, t}
	}); err != nil {
		return err
	}
	// Deals walk Lead(1) → Qualified(2) → Proposal(3) → Negotiation(4),
	// sometimes skipping one, and end open, won (5) or lost (6).
	var hist []any
	if err := ins("deals", "id, customer_id, title, value_minor, currency, stage_id, expected_close, stage_changed_at, status, closed_at, lost_reason, created_at, updated_at",
		benchDeals, func(i int) []any {
			id := i + 1
			t := at()
			stage := 1
			hist = append(hist, id, nil, stage, t)
			last := 1 + rng.IntN(4)
			for stage < last {
				next := stage + 1 + rng.IntN(2)
				if next > 4 {
					next = 4
				}
				t += rng.Int64N(86400 * 20)
				hist = append(hist, id, stage, next, t)
				stage = next
			}
			status, closed, reason := "open", any(nil), ""
			switch rng.IntN(3) {
			case 0:
				t += rng.Int64N(86400 * 20)
				hist = append(hist, id, stage, 5, t)
				stage, status, closed = 5, "won", t
			case 1:
				t += rng.Int64N(86400 * 20)
				hist = append(hist, id, stage, 6, t)
				stage, status, closed = 6, "lost", t
				reason = []string{"price", "competitor", "no budget", "timing"}[rng.IntN(4)]
			}
			closeOn := now.AddDate(0, 0, rng.IntN(240)-60).Format("2006-01-02")
			return []any{id, 1 + rng.IntN(benchCustomers), fmt.Sprintf("Deal %d", id), 10_000 + rng.Int64N(5_000_000),
				"USD", stage, closeOn, t, status, closed, reason, t, t}
		}); err != nil {
		return err
	}
	if err := ins("deal_stage_history", "deal_id, from_stage_id, to_stage_id, changed_at", len(hist)/4, func(i int) []any {
		return hist[i*4 : i*4+4]
	}); err != nil {
		return err
	}
	levels := []string{"healthy", "healthy", "healthy", "healthy", "watch", "at_risk"}
	codes := []string{"silence", "order_gap", "unanswered", "complaint", "cooling", "overdue"}
	if err := ins("customer_stats", "customer_id, active, risk_level, risk_score, risk_reasons, risk_valid_until", benchCustomers, func(i int) []any {
		lvl := levels[rng.IntN(len(levels))]
		reasons, score := "[]", 0
		if lvl != "healthy" {
			reasons = fmt.Sprintf(`[{"code":%q,"points":20,"text":"x"},{"code":%q,"points":10,"text":"y"}]`,
				codes[rng.IntN(len(codes))], codes[rng.IntN(len(codes))])
			score = 30
		}
		return []any{i + 1, 1, lvl, score, reasons, "2099-01-01"}
	}); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('rhythm.computed', '31'), ('refreshed_on', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, now.Format("2006-01-02")); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = d.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}
