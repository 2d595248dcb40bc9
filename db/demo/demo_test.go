package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// testNow is the fixed clock of the tests: 2026-11-23 09:00 local.
func testNow() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local) }

func build(t testing.TB, path string, n int, seed int64) (*db.DB, Stats) {
	t.Helper()
	ctx := context.Background()
	d, err := db.Open(ctx, path, db.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	st, err := Generate(ctx, d, Options{Customers: n, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return d, st
}

// mix is what the SPEC §7 ranges are about.
type mix struct {
	customers, active, overdueCustomers, atRisk int
	reasons                                     map[string]int
	stages                                      map[string]int
	rotting, snoozed, lostWithReason, wonOrders int
	churnedWithReason                           int
}

func (m mix) String() string {
	return fmt.Sprintf("customers %d active %d, overdue %d (%.1f%%), at risk %d (%.1f%%), reasons %v, stages %v, rotting %d, snoozed %d, lost with reason %d, won orders %d, churned %d",
		m.customers, m.active, m.overdueCustomers, 100*float64(m.overdueCustomers)/float64(m.customers), m.atRisk,
		100*float64(m.atRisk)/float64(m.customers), m.reasons, m.stages, m.rotting, m.snoozed, m.lostWithReason, m.wonOrders, m.churnedWithReason)
}

func measure(t testing.TB, d *db.DB) mix {
	t.Helper()
	ctx := context.Background()
	q := d.Reader()
	m := mix{reasons: map[string]int{}, stages: map[string]int{}}
	today := d.Today().String()
	hhmm := d.Now().Format("15:04")
	scan := func(query string, args []any, dst ...any) {
		t.Helper()
		if err := q.QueryRowContext(ctx, query, args...).Scan(dst...); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
	}
	scan(`SELECT count(*), sum(s.active) FROM customers c JOIN customer_stats s ON s.customer_id = c.id`, nil, &m.customers, &m.active)
	scan(`SELECT count(DISTINCT customer_id) FROM followups WHERE done_at IS NULL AND archived_at IS NULL
		AND (due_date < ?1 OR (due_date = ?1 AND due_time IS NOT NULL AND due_time < ?2))`, []any{today, hhmm}, &m.overdueCustomers)
	scan(`SELECT count(*) FROM customer_stats WHERE active = 1 AND risk_level = 'at_risk'`, nil, &m.atRisk)
	scan(`SELECT count(*) FROM deal_stats ds JOIN deals d ON d.id = ds.deal_id WHERE ds.rot_on <= ? AND d.status = 'open'`, []any{today}, &m.rotting)
	scan(`SELECT count(*) FROM deals WHERE snoozed_until IS NOT NULL AND snooze_reason <> ''`, nil, &m.snoozed)
	scan(`SELECT count(*) FROM deals WHERE status = 'lost' AND lost_reason <> ''`, nil, &m.lostWithReason)
	scan(`SELECT count(*) FROM orders o JOIN deals d ON d.id = o.deal_id WHERE d.status = 'won'`, nil, &m.wonOrders)
	scan(`SELECT count(*) FROM customers WHERE lifecycle = 'churned' AND churn_reason <> ''`, nil, &m.churnedWithReason)
	rows, err := q.QueryContext(ctx, `SELECT json_extract(value, '$.code'), count(*) FROM customer_stats, json_each(risk_reasons) GROUP BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var code string
		var n int
		if err := rows.Scan(&code, &n); err != nil {
			t.Fatal(err)
		}
		m.reasons[code] = n
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, `SELECT s.name, count(d.id) FROM stages s LEFT JOIN deals d ON d.stage_id = s.id GROUP BY s.id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			t.Fatal(err)
		}
		m.stages[name] = n
	}
	rows.Close()
	return m
}

// TestMix checks the SPEC §7 shape of the default-size book for three seeds.
func TestMix(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			d, st := build(t, filepath.Join(t.TempDir(), "demo.db"), DefaultCustomers, seed)
			m := measure(t, d)
			t.Logf("stats %+v", st)
			t.Logf("%v", m)
			if m.customers != DefaultCustomers {
				t.Errorf("customers = %d, want %d", m.customers, DefaultCustomers)
			}
			if pct := 100 * float64(m.overdueCustomers) / float64(m.customers); pct < 2 || pct > 8 {
				t.Errorf("%.1f%% of customers have an overdue follow-up, want 2–8%%", pct)
			}
			if pct := 100 * float64(m.atRisk) / float64(m.customers); pct < 2 || pct > 10 {
				t.Errorf("%.1f%% of customers are at risk, want 2–10%%", pct)
			}
			for _, code := range []string{model.ReasonSilence, model.ReasonNoOrder, model.ReasonFewOrders, model.ReasonSmallOrders,
				model.ReasonLapseBase, model.ReasonUnanswered, model.ReasonComplaint,
				model.ReasonDetractor, model.ReasonCooling, model.ReasonStalledDeal, model.ReasonOverdue} {
				if m.reasons[code] == 0 {
					t.Errorf("no customer has risk reason %s", code)
				}
			}
			for _, s := range model.DefaultStages() {
				if m.stages[s.Name] == 0 {
					t.Errorf("no deal in stage %s", s.Name)
				}
			}
			if m.rotting == 0 {
				t.Error("no rotting deal")
			}
			if m.snoozed != 1 {
				t.Errorf("%d snoozed deals, want exactly 1", m.snoozed)
			}
			if m.lostWithReason == 0 || m.wonOrders == 0 || m.churnedWithReason == 0 {
				t.Errorf("want lost deals with reasons, won deals with orders and churned customers with reasons: %v", m)
			}
			set, err := d.Settings(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if set.Demo != d.Today().String() {
				t.Errorf("demo marker = %q, want %s", set.Demo, d.Today())
			}
		})
	}
}

// dump hashes every table's rows in id order.
func dump(t testing.TB, d *db.DB) map[string]string {
	t.Helper()
	ctx := context.Background()
	q := d.Reader()
	rows, err := q.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string]string{}
	for _, tb := range tables {
		r, err := q.QueryContext(ctx, `SELECT * FROM `+tb+` ORDER BY 1, 2`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := r.Columns()
		h := sha256.New()
		n := 0
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for r.Next() {
			if err := r.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%v\n", vals)
			n++
		}
		r.Close()
		out[tb] = fmt.Sprintf("%d rows %s", n, hex.EncodeToString(h.Sum(nil))[:16])
	}
	return out
}

func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	a, _ := build(t, filepath.Join(dir, "a.db"), 300, 7)
	b, _ := build(t, filepath.Join(dir, "b.db"), 300, 7)
	c, _ := build(t, filepath.Join(dir, "c.db"), 300, 8)
	da, db2, dc := dump(t, a), dump(t, b), dump(t, c)
	for tb, h := range da {
		if db2[tb] != h {
			t.Errorf("table %s differs between two builds with one seed: %s vs %s", tb, h, db2[tb])
		}
	}
	if da["interactions"] == dc["interactions"] {
		t.Errorf("seeds 7 and 8 gave the same interactions")
	}
	if len(da) < 10 {
		t.Errorf("dumped only %d tables", len(da))
	}
}

func TestCheckPasses(t *testing.T) {
	d, _ := build(t, filepath.Join(t.TempDir(), "demo.db"), 500, 1)
	rep, err := d.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("check failed on a fresh demo: %+v", rep)
	}
}

func TestNamesMixed(t *testing.T) {
	d, _ := build(t, filepath.Join(t.TempDir(), "demo.db"), 200, 1)
	var zh, en, dup int
	q := d.Reader()
	if err := q.QueryRow(`SELECT count(*) FILTER (WHERE company GLOB '*公司*'), count(*) FILTER (WHERE company NOT GLOB '*公司*') FROM customers`).Scan(&zh, &en); err != nil {
		t.Fatal(err)
	}
	if zh < 50 || en < 50 {
		t.Errorf("want Chinese and English companies mixed, got %d and %d", zh, en)
	}
	if err := q.QueryRow(`SELECT count(*) - count(DISTINCT company) FROM customers`).Scan(&dup); err != nil {
		t.Fatal(err)
	}
	if dup != 0 {
		t.Errorf("%d duplicate company names in a small book", dup)
	}
	var bad int
	if err := q.QueryRow(`SELECT count(*) FROM interactions WHERE occurred_at > ?`, testNow().Unix()).Scan(&bad); err != nil || bad != 0 {
		t.Errorf("%d interactions in the future (%v)", bad, err)
	}
}

func TestRefusesNonEmptyBook(t *testing.T) {
	d, _ := build(t, filepath.Join(t.TempDir(), "demo.db"), 20, 1)
	if _, err := Generate(context.Background(), d, Options{Customers: 20}); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Fatalf("Generate into a non-empty book: %v", err)
	}
}

// TestRefreshHasNothingLeft holds the generator's own rhythm and tiers to
// db's daily refresh: forgetting that today was refreshed and refreshing
// again must find the same g, change no tier and recompute no customer.
func TestRefreshHasNothingLeft(t *testing.T) {
	ctx := context.Background()
	d, st := build(t, filepath.Join(t.TempDir(), "demo.db"), 1500, 4)
	if err := d.Write(ctx, "", func(tx *db.Tx) error {
		_, err := tx.Q().ExecContext(ctx, `DELETE FROM settings WHERE key = 'refreshed_on'`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	res, err := d.Refresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !res.NewDay || res.Rhythm != st.Rhythm || res.TierChanges != 0 || res.Recomputed != 0 {
		t.Fatalf("refresh after the demo: %+v, generator said rhythm %d", res, st.Rhythm)
	}
	var tiers string
	if err := d.Reader().QueryRow(`SELECT group_concat(tier || ':' || n) FROM (SELECT tier, count(*) n FROM customers GROUP BY tier)`).Scan(&tiers); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tiers, "A:") || !strings.Contains(tiers, "B:") || !strings.Contains(tiers, "C:") {
		t.Errorf("want customers in every tier, got %s", tiers)
	}
}

func TestProgressReported(t *testing.T) {
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), db.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var phases []string
	if _, err := Generate(ctx, d, Options{Customers: 2500, Seed: 1, Progress: func(phase string, done, total int) {
		phases = append(phases, fmt.Sprintf("%s %d/%d", phase, done, total))
	}}); err != nil {
		t.Fatal(err)
	}
	want := "customers 1000/2500,customers 2000/2500,index 2500/2500,refresh 2500/2500"
	if got := strings.Join(phases, ","); got != want {
		t.Errorf("progress = %s, want %s", got, want)
	}
}

// TestDemoHasGoals: the sample book carries this month's revenue goal and
// this quarter's deals-won goal, with believable targets.
func TestDemoHasGoals(t *testing.T) {
	d, _ := build(t, filepath.Join(t.TempDir(), "demo.db"), 500, 1)
	all, err := d.GoalProgress(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 {
		t.Fatalf("%d goals: %+v", len(all), all)
	}
	for _, g := range all {
		if g.Target <= 0 || g.Actual <= 0 || g.Percent() < 20 || g.Percent() > 150 {
			t.Errorf("goal not believable: %+v (%d%%)", g, g.Percent())
		}
	}
}
